import { createExpression, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { shapesOf, stateProperties, statesOf } from '../../client/layers/feature-states.ts';
import { layerById } from '../../server/catalog/layer-registry.ts';
import { buildStyle } from '../../client/layers/style.ts';
import { markOpacity } from '../../client/layers/paint.ts';
import { committedProvince } from '../helpers/test-app.ts';

const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [103, 21],
      [103.1, 21],
      [103.1, 21.1],
      [103, 21],
    ],
  ],
};
const built = (ntmStatus: string, disputed: boolean): FeatureCollection<Geometry | null> => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '03160', unitSet: '2020', name: 'Thanh Chăn', labelPoint: [103.05, 21.03], ntmStatus, disputed, yearUnknown: false, areaKm2: 40 },
      geometry: square,
    },
  ],
});

describe('unit sources: shapes once per unit set, values as feature state', () => {
  it('keeps in a source only what never changes with the date', () => {
    const a = shapesOf(built('none', false))!;
    const b = shapesOf(built('standard', true))!;
    expect(a).toEqual(b);
    expect(a.features[0].properties).toEqual({ code: '03160', unitSet: '2020', name: 'Thanh Chăn', labelPoint: [103.05, 21.03] });
    expect(a.features[0].geometry).toBe(square);
  });

  it('gives each unit, by code, the values its layer classifies and marks by', () => {
    expect(stateProperties('ntm-communes').sort()).toEqual(['disputed', 'ntmStatus', 'yearUnknown']);
    expect(statesOf(built('standard', true), stateProperties('ntm-communes')).get('03160')).toEqual({
      ntmStatus: 'standard',
      disputed: true,
      yearUnknown: false,
    });
  });

  it('shows a mark only on units whose state has it', () => {
    const mark = layerById('ntm-communes').marks.find((m) => m.property === 'disputed')!;
    const spec = { type: 'number', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature', 'feature-state'] } };
    const opacity = createExpression(markOpacity(mark), 'line-opacity', spec as unknown as StylePropertySpecification);
    if (opacity.result !== 'success') throw new Error('invalid expression');
    const at = (state: Record<string, unknown>) => opacity.value.evaluate({ zoom: 8 }, { type: 'Polygon', properties: {} } as never, state as never);
    expect(at({ disputed: true })).toBe(1);
    expect(at({ disputed: false })).toBe(0);
    expect(at({})).toBe(0);
  });

  it('builds a style that reads no dated value from the features and gives each unit source an id', () => {
    const style = JSON.stringify(
      buildStyle({
        visible: { 'ntm-communes': true, 'ntm-new-units': true, 'ntm-districts': true, 'ocop-products': false, zones: false, labels: true },
        data: { communes: null, newUnits: null, districts: null, countries: null, province: null },
        fonts: { regular: [], bold: [] },
        lang: 'vi',
        unitSet: '2020',
        selected: null,
        basemap: null,
        licences: committedProvince().licences,
      }).layers,
    );
    for (const id of ['ntm-communes', 'ntm-new-units', 'ntm-districts'] as const)
      for (const p of stateProperties(id)) expect(style).not.toContain(JSON.stringify(['get', p]));
  });
});
