import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Licence } from '../../server/catalog/licences.ts';
import type { Province } from '../../server/catalog/province.ts';
import type { UnitSet } from '../../server/domain/unit-sets.ts';
import type { Lang } from '../lib/label.ts';
import { classColorExpression, markOpacity } from './paint.ts';
import { type LayerId, layerById } from '../../server/catalog/layer-registry.ts';
import { BASE_COLORS } from './theme.ts';

/** A font file the style may draw labels with (MapLibre `font-faces`), served by our own server. */
export interface FontFile {
  url: string;
  'unicode-range': string[];
}

/**
 * The units of a catalog collection with their shape properties only (feature-states.ts): the
 * values drawn (status, shares, marks) are the features' state, set apart from the style.
 */
type UnitLayer = FeatureCollection<Geometry | null>;

export interface StyleInput {
  visible: Record<LayerId, boolean>;
  data: {
    communes: UnitLayer | null;
    newUnits: UnitLayer | null;
    districts: UnitLayer | null;
    countries: FeatureCollection | null;
    province: FeatureCollection | null;
  };
  fonts: { regular: FontFile[]; bold: FontFile[] };
  lang: Lang;
  /** The unit set the communes source holds: the 45 new units are labelled from a lower zoom. */
  unitSet: UnitSet;
  /** The selected commune or district of the shown unit set, outlined. */
  selected: { kind: 'commune' | 'district'; code: string } | null;
  /** An online raster basemap, only when configured (off by default: the map must work offline). */
  basemap: { tiles: string[]; attribution: string } | null;
  /** District names are drawn by the deck.gl overlay, above its zones and markers (deck-layers.ts). */
  districtNamesInOverlay?: boolean;
  /** The selected unit's outline is drawn by the deck.gl overlay, above its zones and markers (deck-layers.ts). */
  selectionInOverlay?: boolean;
  /** The licences of the shown set's boundaries (the province's, or official ones imported), its codes and the base map, credited on the sources drawn from them. */
  licences: Pick<Province['licences'], 'boundaries' | 'codes' | 'base'>;
}

/** Size of a district's name by zoom, in pixels: [zoom, size] stops, linear between them. */
export const DISTRICT_LABEL_SIZE: readonly [number, number][] = [
  [6, 10.5],
  [8, 12.5],
  [10, 16],
];
/** Wrap width of a district's name, in ems, and how far a moved name sits from its point. */
export const DISTRICT_LABEL_MAX_WIDTH = 7;
export const DISTRICT_LABEL_OFFSET = 0.5;
/** Width of the selected unit's outline, in pixels, whichever renderer draws it. */
export const SELECTION_LINE_WIDTH = 3.5;
/** District names show up to this zoom; communes' names take over. */
export const DISTRICT_LABEL_MAXZOOM = 11;

export function districtLabelSize(zoom: number): number {
  const stops = DISTRICT_LABEL_SIZE;
  if (zoom <= stops[0][0]) return stops[0][1];
  for (let i = 1; i < stops.length; i++) {
    const [z0, s0] = stops[i - 1];
    const [z1, s1] = stops[i];
    if (zoom <= z1) return s0 + ((s1 - s0) * (zoom - z0)) / (z1 - z0);
  }
  return stops.at(-1)![1];
}

/**
 * Whether the deck.gl overlay draws the district names (so MapLibre should not): when it covers the
 * map with zones or markers, once it has loaded (overlay.ts loads it lazily; until then MapLibre's stay).
 */
export function overlayDrawsDistrictNames(visible: { products: boolean; zones: boolean }, labelsOn: boolean, overlayLoaded: boolean): boolean {
  return overlayLoaded && labelsOn && (visible.products || visible.zones);
}

/**
 * Whether the deck.gl overlay draws the selected unit's outline (so MapLibre should not): when it
 * covers the map with zones or markers, which are drawn above everything MapLibre draws, once it
 * has loaded (overlay.ts loads it lazily: until then MapLibre keeps the outline).
 */
export function overlayDrawsSelection(visible: { products: boolean; zones: boolean }, overlayLoaded: boolean): boolean {
  return overlayLoaded && (visible.products || visible.zones);
}

/** Text from the data inside an attribution, which MapLibre renders as HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** How the map credits a licence (MapLibre renders attributions as HTML): its note, linked to its terms. */
export function attributionOf(l: Licence, lang: Lang): string {
  const text = escapeHtml(l.note[lang]);
  return l.url ? `<a href="${escapeHtml(l.url)}">${text}</a>` : text;
}

/**
 * The credit of a source of units: its boundaries' licence and the unit codes' (every unit is keyed
 * on its code). MapLibre shows each source's credit while the source is drawn and drops one that is
 * part of another, so the codes are credited once whichever units are on screen.
 */
function unitsAttribution(boundaries: Licence, codes: Licence, lang: Lang): string {
  const b = attributionOf(boundaries, lang);
  const c = attributionOf(codes, lang);
  return b === c ? b : `${b} | ${c}`;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Label points of the units, from each feature's `labelPoint` property. */
export function labelPoints(fc: UnitLayer | null): FeatureCollection {
  if (!fc) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const p = f.properties as Record<string, unknown>;
      return {
        type: 'Feature',
        properties: { code: p.code, name: p.name },
        geometry: { type: 'Point', coordinates: p.labelPoint as [number, number] },
      };
    }),
  };
}

/**
 * The whole MapLibre style for a state of the app: a pure function of the registry and the UI
 * state, applied in one place (client/map/) with setStyle and diffing. It holds no value that
 * changes with the date: those are feature state (paint.ts), so a step in time never restyles.
 */
export function buildStyle(input: StyleInput): StyleSpecification {
  const v = (id: LayerId) => (input.visible[id] ? 'visible' : 'none') as 'visible' | 'none';
  const communes = layerById('ntm-communes');
  const districts = layerById('ntm-districts');
  const newUnits = layerById('ntm-new-units');
  const sources: Record<string, SourceSpecification> = {
    countries: { type: 'geojson', data: input.data.countries ?? EMPTY, attribution: attributionOf(input.licences.base, input.lang) },
    province: { type: 'geojson', data: input.data.province ?? EMPTY, attribution: attributionOf(input.licences.base, input.lang) },
    communes: {
      type: 'geojson',
      data: (input.data.communes ?? EMPTY) as FeatureCollection,
      promoteId: 'code',
      attribution: unitsAttribution(input.licences.boundaries, input.licences.codes, input.lang),
    },
    'new-units': {
      type: 'geojson',
      data: (input.data.newUnits ?? EMPTY) as FeatureCollection,
      promoteId: 'code',
      attribution: attributionOf(input.licences.codes, input.lang),
    },
    districts: {
      type: 'geojson',
      data: (input.data.districts ?? EMPTY) as FeatureCollection,
      promoteId: 'code',
      attribution: unitsAttribution(input.licences.boundaries, input.licences.codes, input.lang),
    },
    'commune-labels': { type: 'geojson', data: labelPoints(input.data.communes) },
    'district-labels': { type: 'geojson', data: labelPoints(input.data.districts), promoteId: 'code' },
  };
  if (input.basemap) sources.basemap = { type: 'raster', tiles: input.basemap.tiles, tileSize: 256, attribution: input.basemap.attribution };

  const noNtm = districts.marks.find((m) => m.id === 'no-ntm')!;
  const layers: LayerSpecification[] = [
    // Where the context data has no land: the sea, and beyond the box the neighbouring countries are cut to. A neutral
    // grey, not water blue: the map's edges on a wide screen lie beyond that box.
    { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.noLand } },
    // An operator's basemap, when configured, shows the land itself: the countries keep only their borders over it.
    ...(input.basemap
      ? [{ id: 'basemap', type: 'raster', source: 'basemap' } as LayerSpecification]
      : [{ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': BASE_COLORS.land } } as LayerSpecification]),
    { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': BASE_COLORS.countryLine, 'line-width': 1 } },
    { id: 'province-fill', type: 'fill', source: 'province', paint: { 'fill-color': BASE_COLORS.province, 'fill-opacity': input.basemap ? 0.4 : 1 } },
    {
      id: 'ntm-communes-fill',
      type: 'fill',
      source: 'communes',
      layout: { visibility: v('ntm-communes') },
      paint: { 'fill-color': classColorExpression(communes.classification!), 'fill-opacity': 0.9 },
    },
    ...communes.marks.map(
      (m): LayerSpecification => ({
        id: `ntm-communes-${m.id}`,
        type: 'line',
        source: 'communes',
        layout: { visibility: v('ntm-communes'), 'line-join': 'round' },
        paint: {
          'line-color': m.color,
          'line-opacity': markOpacity(m),
          'line-width': 2.5,
          'line-dasharray': m.swatch === 'dotted-outline' ? [0.6, 1.2] : [3, 1.5],
        },
      }),
    ),
    {
      id: 'ntm-new-units-fill',
      type: 'fill',
      source: 'new-units',
      layout: { visibility: v('ntm-new-units') },
      paint: { 'fill-color': classColorExpression(newUnits.classification!), 'fill-opacity': 0.9 },
    },
    {
      id: 'ntm-districts-fill',
      type: 'fill',
      source: 'districts',
      layout: { visibility: v('ntm-districts') },
      paint: { 'fill-color': classColorExpression(districts.classification!), 'fill-opacity': 0.85 },
    },
    {
      id: 'commune-lines',
      type: 'line',
      source: 'communes',
      paint: { 'line-color': BASE_COLORS.communeLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.3, 11, 1.2] },
    },
    {
      id: 'district-lines',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': BASE_COLORS.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 11, 2.5] },
    },
    {
      id: `ntm-districts-${noNtm.id}`,
      type: 'line',
      source: 'districts',
      layout: { visibility: v('ntm-districts'), 'line-join': 'round' },
      paint: {
        'line-color': noNtm.color,
        'line-opacity': markOpacity(noNtm),
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 3.5, 11, 6],
        'line-offset': 1.5,
      },
    },
    { id: 'province-line', type: 'line', source: 'province', paint: { 'line-color': BASE_COLORS.provinceLine, 'line-width': 2 } },
    {
      id: 'selection-line',
      type: 'line',
      source: input.selected?.kind === 'district' ? 'districts' : 'communes',
      filter: ['==', ['get', 'code'], input.selected?.code ?? ''],
      // Above the zones and markers the overlay draws it instead (deck-layers.ts selectionLayer).
      layout: { visibility: input.selectionInOverlay ? 'none' : 'visible' },
      paint: { 'line-color': BASE_COLORS.highlight, 'line-width': SELECTION_LINE_WIDTH },
    },
    {
      id: 'commune-labels',
      type: 'symbol',
      source: 'commune-labels',
      minzoom: input.unitSet === '2025' ? 7 : 8.6,
      layout: {
        visibility: v('labels'),
        'text-field': ['get', 'name'],
        'text-font': ['Noto Sans Regular'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 10.5, 12, 14],
        'text-max-width': 7,
      },
      paint: { 'text-color': BASE_COLORS.label, 'text-halo-color': BASE_COLORS.labelHalo, 'text-halo-width': 1.4 },
    },
    {
      id: 'district-no-ntm-labels',
      type: 'symbol',
      source: 'district-labels',
      layout: {
        visibility: v('ntm-districts'),
        'text-field': input.lang === 'vi' ? 'Chưa có xã NTM' : 'No NTM commune',
        'text-font': ['Noto Sans Bold'],
        'text-size': 12,
        'text-offset': [0, 1.8],
        // Below the districts' names in the layer order, so placed after them: where it would cover a name (a small
        // screen) it gives way and the red outline alone marks the district. It never hides other labels, shown or not
        // (its opacity follows the feature state, which placement does not see).
        'text-ignore-placement': true,
      },
      paint: { 'text-color': noNtm.color, 'text-opacity': markOpacity(noNtm), 'text-halo-color': BASE_COLORS.labelHalo, 'text-halo-width': 2 },
    },
    {
      id: 'district-labels',
      type: 'symbol',
      source: 'district-labels',
      maxzoom: DISTRICT_LABEL_MAXZOOM,
      // Every district's name shows at the province view (zoom 7–9): where two collide (Mường Ảng
      // and Điện Biên Phủ), the label moves to another side of its point instead of vanishing.
      layout: {
        visibility: input.districtNamesInOverlay ? 'none' : v('labels'),
        'text-field': ['get', 'name'],
        'text-font': ['Noto Sans Bold'],
        'text-size': ['interpolate', ['linear'], ['zoom'], ...DISTRICT_LABEL_SIZE.flat()],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.02,
        'text-max-width': DISTRICT_LABEL_MAX_WIDTH,
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': DISTRICT_LABEL_OFFSET,
        'text-padding': 1,
      },
      paint: { 'text-color': BASE_COLORS.label, 'text-halo-color': BASE_COLORS.labelHalo, 'text-halo-width': 2 },
    },
  ];
  return {
    version: 8,
    name: 'NTM & OCOP',
    'font-faces': { 'Noto Sans Regular': input.fonts.regular, 'Noto Sans Bold': input.fonts.bold },
    sources,
    layers,
  } as StyleSpecification;
}

/** The MapLibre layers a click or hover can hit, front first. */
export const QUERYABLE_LAYERS = ['ntm-new-units-fill', 'ntm-communes-fill', 'ntm-districts-fill'] as const;
