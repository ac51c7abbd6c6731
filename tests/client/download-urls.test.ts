import { describe, expect, it } from 'vitest';
import { parseDownload } from '../../server/downloads/request.ts';
import { collectionDownloadUrl, viewDownloadUrl } from '../../client/lib/download-urls.ts';
import { type ShownState, shownCollections } from '../../client/lib/shown-collections.ts';
import { VIEW_LAYERS } from '../../client/lib/url-state.ts';
import { committedProvince } from '../helpers/test-app.ts';

/** Which collections the map shows for a state, and the download links built from them. */
const today = '2026-11-24';
const state = (s: Partial<ShownState>): ShownState => ({
  layers: VIEW_LAYERS.progress,
  unitSet: '2020',
  asOf: '2021-06-30',
  today,
  province: committedProvince(),
  stars: [],
  groups: [],
  crops: [],
  ...s,
});
const ids = (s: ShownState) => shownCollections(s).map((x) => `${x.collection.id}@${x.asOf}`);

describe('the collections the map shows', () => {
  it('reads the communes of the unit set on the map, at the map date', () => {
    expect(ids(state({}))).toEqual(['communes-2020@2021-06-30']);
    expect(ids(state({ unitSet: '2019', asOf: '2018-12-31' }))).toEqual(['communes-2019@2018-12-31']);
  });

  it('shows the new units once although two layers draw them', () => {
    const shown = shownCollections(state({ unitSet: '2025', asOf: '2025-09-30' }));
    expect(shown.map((x) => [x.collection.id, x.asOf, x.layers])).toEqual([['communes-2025', '2025-09-30', ['ntm-communes', 'ntm-new-units']]]);
  });

  it('reads old units after 30 June 2025 at their last day', () => {
    expect(ids(state({ layers: VIEW_LAYERS.leadership, asOf: '2025-09-30' }))).toEqual(['districts-2020@2025-06-30']);
  });

  it('has no districts on the 2025 units, and no table for the labels', () => {
    expect(ids(state({ layers: ['ntm-districts', 'labels'], unitSet: '2025', asOf: '2025-09-30' }))).toEqual([]);
  });

  it('sends the legend filters under the catalog filter names, only to the collections that declare them', () => {
    const shown = shownCollections(state({ layers: VIEW_LAYERS.investors, stars: [5, 4], groups: ['I'], crops: ['tea'] }));
    expect(shown.map((x) => [x.collection.id, x.asOf, x.filters])).toEqual([
      ['ocop-products', '2021-06-30', { stars: '4,5', group: 'I' }],
      ['zones', null, { crop: 'tea' }],
    ]);
  });
});

describe('download links', () => {
  const investors = shownCollections(state({ layers: [...VIEW_LAYERS.investors, 'ntm-communes'], stars: [4], crops: ['tea', 'coffee'] }));

  it('link one collection with its date and filters', () => {
    const [communes, products, zones] = investors;
    expect(collectionDownloadUrl(communes, 'csv')).toBe('/api/downloads/communes-2020.csv?asOf=2021-06-30');
    expect(collectionDownloadUrl(products, 'gpkg')).toBe('/api/downloads/ocop-products.gpkg?asOf=2021-06-30&stars=4');
    expect(collectionDownloadUrl(zones, 'kml')).toBe('/api/downloads/zones.kml?crop=coffee,tea');
  });

  it('link the view: every collection shown, one date, every filter', () => {
    expect(viewDownloadUrl(investors, 'xlsx')).toBe(
      '/api/downloads/view.xlsx?collections=communes-2020,ocop-products,zones&asOf=2021-06-30&stars=4&crop=coffee,tea',
    );
    expect(viewDownloadUrl([], 'geojson')).toBeNull();
  });

  it('link the view at the map’s date, which the server clamps for old units as the map does', () => {
    const shown = shownCollections(state({ layers: ['ntm-communes', 'ocop-products'], unitSet: '2020', asOf: '2025-09-30' }));
    expect(shown.map((x) => x.asOf)).toEqual(['2025-06-30', '2025-09-30']);
    expect(viewDownloadUrl(shown, 'csv')).toBe('/api/downloads/view.csv?collections=communes-2020,ocop-products&asOf=2025-09-30');
  });

  // Every link must pass the server's own download parsing (an unknown or bad parameter is a 400).
  const ctx = { districtCodes: () => ['094', '095', '096', '097', '098', '099', '100', '101', '102', '103'], today, province: committedProvince() };
  const parse = (url: string) => {
    const u = new URL(url, 'http://x');
    return parseDownload(u.pathname.split('/').at(-1)!, Object.fromEntries(u.searchParams), ctx);
  };
  const states = [
    state({}),
    state({ unitSet: '2019', asOf: '2019-12-31', layers: ['ntm-communes', 'ntm-districts'] }),
    state({ unitSet: '2025', asOf: '2026-01-31' }),
    state({ layers: VIEW_LAYERS.leadership, asOf: '2026-01-31' }),
    state({ layers: [...VIEW_LAYERS.investors, 'ntm-communes'], asOf: '2025-10-31', stars: [3, 5], groups: ['II', 'VI'], crops: ['rice'] }),
  ];
  it.each(states.map((s, i) => [i, s] as const))('state %i: the server parses every link as the map shows it', (_i, s) => {
    const shown = shownCollections(s);
    for (const one of shown) {
      const [layer] = parse(collectionDownloadUrl(one, 'csv')).layers;
      expect(layer.collection.id).toBe(one.collection.id);
      if (one.asOf) expect(layer.build.asOf).toBe(one.asOf);
    }
    const view = parse(viewDownloadUrl(shown, 'gpkg')!);
    expect(view.layers.map((l) => [l.collection.id, l.build.asOf ?? null])).toEqual(shown.map((x) => [x.collection.id, x.asOf]));
  });
});
