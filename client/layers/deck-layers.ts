import type { Layer, PickingInfo } from '@deck.gl/core';
import { FillStyleExtension, type FillStyleExtensionProps, PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { IconLayer, PathLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ApiFeature } from '../../server/geo/collection.ts';
import type { ProductProperties, ZoneProperties } from '../../server/catalog/properties.ts';
import { type Anchor, mercatorPixels, placeLabels } from '../lib/label-placement.ts';
import { spreadOffsets } from '../lib/spread.ts';
import { classOf, layerById } from '../../server/catalog/layer-registry.ts';
import { DISTRICT_LABEL_MAX_WIDTH, DISTRICT_LABEL_MAXZOOM, DISTRICT_LABEL_OFFSET, districtLabelSize, SELECTION_LINE_WIDTH } from './style.ts';
import { BASE_COLORS, EXPIRED_COLOR, NEUTRAL, rgb } from './theme.ts';

/**
 * The deck.gl overlays (OCOP products, raw-material zones), built from the registry like the
 * MapLibre style. Pure: the same input gives equal layers, and nothing here touches the map. The
 * layers' data is made once per products or zones array (state/derived.ts keeps those while a step
 * in time changes none): deck.gl regenerates a layer's attributes, and tessellates its polygons
 * again, whenever its data is a new array.
 */
export type ProductFeature = ApiFeature<ProductProperties, Point>;
export type ZoneFeature = ApiFeature<ZoneProperties, Polygon | MultiPolygon>;

type ZonePart = { zone: ZoneFeature; polygon: Position[][] };
type ZoneRing = { zone: ZoneFeature; path: Position[] };

export interface DeckInput {
  visible: { products: boolean; zones: boolean };
  products: ProductFeature[];
  /** Products whose certificate had expired by the date: a grey hollow marker, drawn under the others' size. */
  expired?: ReadonlySet<string>;
  zones: ZoneFeature[];
  selectedId: string | null;
  /**
   * District names to draw above the zones and markers (the overlay covers MapLibre's labels), at
   * the map's zoom, with a way to measure text in the page's bold font; null to leave them to MapLibre.
   */
  districtNames: { names: { text: string; position: [number, number] }[]; zoom: number; measure: (text: string, size: number) => number } | null;
  /**
   * The selected commune's or district's shape, outlined above the zones (MapLibre's outline would
   * lie under them, style.ts overlayDrawsSelection); null when nothing is selected or MapLibre draws it.
   */
  selectedUnit?: Polygon | MultiPolygon | null;
}

const PRODUCTS = layerById('ocop-products');
const ZONES = layerById('zones');

/** Fill colour of a product marker: its OCOP group's colour, or the unknown colour. */
export function productColor(p: ProductProperties): string {
  return classOf(PRODUCTS.classification!, p.group).color;
}

/** Radius of a product marker in pixels, by stars. */
export function productRadius(p: ProductProperties): number {
  const size = PRODUCTS.size!;
  return p.stars === null ? size.unknownRadius : (size.radius[String(p.stars)] ?? size.unknownRadius);
}

export function zoneColor(z: ZoneProperties): string {
  return classOf(ZONES.classification!, z.crop).color;
}

/**
 * A marker icon as an inline SVG (no request leaves the page): a disc, a ring for district-level
 * places, or a grey dashed hollow ring for an expired certificate.
 */
export function markerIcon(color: string, shape: 'disc' | 'ring' | 'expired'): { id: string; url: string; width: number; height: number } {
  const body =
    shape === 'disc'
      ? `<circle cx="32" cy="32" r="27" fill="${color}" stroke="${NEUTRAL.paper}" stroke-width="7"/>`
      : shape === 'ring'
        ? `<circle cx="32" cy="32" r="24" fill="${NEUTRAL.paper}" fill-opacity="0.85" stroke="${color}" stroke-width="12"/><circle cx="32" cy="32" r="30" fill="none" stroke="${NEUTRAL.ink}" stroke-width="2"/>`
        : `<circle cx="32" cy="32" r="24" fill="${NEUTRAL.paper}" fill-opacity="0.6" stroke="${color}" stroke-width="8" stroke-dasharray="9 6"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">${body}</svg>`;
  return { id: `${shape}-${color}`, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width: 64, height: 64 };
}

/** Zones whose shape is only the extent of their communes get hatching and a dashed outline. */
export const ZONE_PATTERNS = {
  communes: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 5 },
} as const;

/**
 * Pixels a product known only by its district sits below its point, the district's label point:
 * under the district's name, never on it (the name is at most two lines of ~16 px).
 */
export const DISTRICT_PLACE_OFFSET = 34;

export function buildDeckLayers(input: DeckInput): Layer[] {
  const layers: Layer[] = [];
  if (input.visible.zones) {
    // Zones known only by district are drawn first, as outlines with a faint tint: behind the
    // commune-level zones, which are hatched.
    const { byDistrict, byCommunes } = zoneData(input.zones);
    layers.push(...zoneLayers('zones-district', byDistrict, input.selectedId, false), ...zoneLayers('zones', byCommunes, input.selectedId, true));
  }
  // Above the zones, under the markers and names: the selection shows, and no marker is hidden by it.
  if (input.selectedUnit && (input.visible.products || input.visible.zones)) layers.push(selectionLayer(input.selectedUnit));
  if (input.visible.products) {
    layers.push(
      new IconLayer<PlacedProduct>({
        id: 'ocop-products',
        data: placedProducts(input.products),
        getPosition: (d) => d.geometry.coordinates as [number, number],
        getIcon: (d) =>
          input.expired?.has(d.id)
            ? markerIcon(EXPIRED_COLOR, 'expired')
            : markerIcon(productColor(d.properties), d.properties.location === 'district' ? 'ring' : 'disc'),
        getSize: (d) => productRadius(d.properties) * 2 * (d.id === input.selectedId ? 1.35 : 1),
        sizeUnits: 'pixels',
        getPixelOffset: (d) => d.offset,
        pickable: true,
        autoHighlight: true,
        updateTriggers: { getSize: input.selectedId, getIcon: [...(input.expired ?? [])].join(',') },
      }),
    );
  }
  if (input.districtNames && (input.visible.products || input.visible.zones) && input.districtNames.zoom < DISTRICT_LABEL_MAXZOOM) {
    layers.push(districtNameLayer(input.districtNames));
  }
  return layers;
}

type PlacedProduct = ProductFeature & { offset: [number, number] };
type ZoneData = { parts: ZonePart[]; rings: ZoneRing[] };

const placedCache = new WeakMap<readonly ProductFeature[], PlacedProduct[]>();
const zoneCache = new WeakMap<readonly ZoneFeature[], { byDistrict: ZoneData; byCommunes: ZoneData }>();

/** Products with their marker's offset: spread where several share a point, below a district's name. */
function placedProducts(products: readonly ProductFeature[]): PlacedProduct[] {
  let placed = placedCache.get(products);
  if (!placed) {
    const offsets = spreadOffsets(products, (p) => p.geometry.coordinates.join(','));
    placed = products.map((p, i) => ({
      ...p,
      offset: [offsets[i][0], offsets[i][1] + (p.properties.location === 'district' ? DISTRICT_PLACE_OFFSET : 0)] as [number, number],
    }));
    placedCache.set(products, placed);
  }
  return placed;
}

/** Zones known only by district, and the others, as polygons and rings. */
function zoneData(zones: readonly ZoneFeature[]): { byDistrict: ZoneData; byCommunes: ZoneData } {
  let data = zoneCache.get(zones);
  if (!data) {
    const split = (list: ZoneFeature[]): ZoneData => {
      const parts: ZonePart[] = list.flatMap((z) => polygonsOf(z).map((polygon) => ({ zone: z, polygon })));
      return { parts, rings: parts.flatMap((p) => p.polygon.map((path) => ({ zone: p.zone, path }))) };
    };
    data = {
      byDistrict: split(zones.filter((z) => z.properties.extent === 'district')),
      byCommunes: split(zones.filter((z) => z.properties.extent !== 'district')),
    };
    zoneCache.set(zones, data);
  }
  return data;
}

interface PlacedName {
  text: string;
  position: [number, number];
  anchor: Anchor;
}

/**
 * District names as MapLibre draws them (bold capitals, white halo, wrapped at 7 ems, moved round
 * their point where two would collide), drawn last so no zone or marker hides them.
 */
function districtNameLayer({ names, zoom, measure }: NonNullable<DeckInput['districtNames']>): Layer {
  const size = districtLabelSize(zoom);
  const lines = names.map((n) => wrap(n.text.toLocaleUpperCase('vi'), size, measure));
  const anchors = placeLabels(
    names.map((n, i) => {
      const [x, y] = mercatorPixels(n.position, zoom);
      return { x, y, width: Math.max(...lines[i].map((l) => measure(l, size))), height: lines[i].length * size * 1.2 };
    }),
    DISTRICT_LABEL_OFFSET * size,
  );
  const placed: PlacedName[] = names.map((n, i) => ({ text: lines[i].join('\n'), position: n.position, anchor: anchors[i] }));
  const offset = DISTRICT_LABEL_OFFSET * size;
  return new TextLayer<PlacedName>({
    id: 'district-names',
    data: placed,
    getText: (d) => d.text,
    getPosition: (d) => d.position,
    getSize: size,
    sizeUnits: 'pixels',
    fontFamily: '"Noto Sans", sans-serif',
    fontWeight: 700,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 64, buffer: 10, radius: 14 },
    outlineWidth: 6,
    outlineColor: rgb(BASE_COLORS.labelHalo, 255) as [number, number, number, number],
    getColor: rgb(BASE_COLORS.label, 255) as [number, number, number, number],
    lineHeight: 1.2,
    getTextAnchor: (d) => (d.anchor === 'left' ? 'start' : d.anchor === 'right' ? 'end' : 'middle'),
    getAlignmentBaseline: (d) => (d.anchor === 'top' ? 'top' : d.anchor === 'bottom' ? 'bottom' : 'center'),
    getPixelOffset: (d) =>
      d.anchor === 'top'
        ? [0, offset]
        : d.anchor === 'bottom'
          ? [0, -offset]
          : d.anchor === 'left'
            ? [offset, 0]
            : d.anchor === 'right'
              ? [-offset, 0]
              : [0, 0],
    updateTriggers: { getPixelOffset: [zoom], getTextAnchor: [zoom], getAlignmentBaseline: [zoom] },
  });
}

/** Splits a name in two lines at the space nearest its middle when it is wider than the wrap width. */
function wrap(text: string, size: number, measure: (text: string, size: number) => number): string[] {
  if (measure(text, size) <= DISTRICT_LABEL_MAX_WIDTH * size || !text.includes(' ')) return [text];
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
  const at = spaces.reduce((best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best));
  return [text.slice(0, at), text.slice(at + 1)];
}

/** A set of zones: a fill (hatched, or a faint tint) and an outline in the crop's colour over a dark edge. */
function zoneLayers(id: string, { parts, rings }: ZoneData, selectedId: string | null, hatched: boolean): Layer[] {
  const fillStyle: FillStyleExtensionProps<ZonePart> = {
    fillPatternMapping: ZONE_PATTERNS,
    fillPatternSizeUnits: 'pixels',
    getFillPattern: (d) => (d.zone.properties.extent === 'communes' ? 'communes' : 'none'),
    getFillPatternBackgroundColor: (d) => rgb(zoneColor(d.zone.properties), 70),
  };
  const pathStyle: PathStyleExtensionProps<ZoneRing> = {
    getDashArray: (d) => (d.zone.properties.extent === 'surveyed' ? [0, 0] : [5, 3]),
  };
  const width = (d: ZoneRing) => (d.zone.id === selectedId ? 4 : 2);
  return [
    hatched
      ? new SolidPolygonLayer<ZonePart, FillStyleExtensionProps<ZonePart>>({
          id: `${id}-fill`,
          data: parts,
          getPolygon: (d) => d.polygon as [number, number][][],
          getFillColor: (d) => rgb(zoneColor(d.zone.properties), 230),
          extensions: [new FillStyleExtension({ pattern: true, proceduralPattern: true })],
          ...fillStyle,
          pickable: true,
          autoHighlight: true,
          highlightColor: [255, 255, 255, 60],
        })
      : new SolidPolygonLayer<ZonePart>({
          id: `${id}-fill`,
          data: parts,
          getPolygon: (d) => d.polygon as [number, number][][],
          getFillColor: (d) => rgb(zoneColor(d.zone.properties), 40),
          pickable: true,
          autoHighlight: true,
          highlightColor: [255, 255, 255, 60],
        }),
    // A dark edge under the crop's colour: light crop tints stay visible on the white province.
    new PathLayer<ZoneRing>({
      id: `${id}-edge`,
      data: rings,
      getPath: (d) => d.path as [number, number][],
      getColor: rgb(NEUTRAL.ink, 200),
      getWidth: (d) => width(d) + 2,
      widthUnits: 'pixels',
      updateTriggers: { getWidth: selectedId },
    }),
    new PathLayer<ZoneRing, PathStyleExtensionProps<ZoneRing>>({
      id: `${id}-outline`,
      data: rings,
      getPath: (d) => d.path as [number, number][],
      getColor: (d) => rgb(zoneColor(d.zone.properties), 255),
      getWidth: width,
      widthUnits: 'pixels',
      extensions: [new PathStyleExtension({ dash: true })],
      ...pathStyle,
      updateTriggers: { getWidth: selectedId },
    }),
  ];
}

function polygonsOf(z: { geometry: Polygon | MultiPolygon }): Position[][][] {
  return z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
}

/** The selected unit's outline, as MapLibre draws it (style.ts selection-line). */
function selectionLayer(geometry: Polygon | MultiPolygon): Layer {
  return new PathLayer<Position[]>({
    id: 'selection-line',
    data: polygonsOf({ geometry }).flat(),
    getPath: (d) => d as [number, number][],
    getColor: rgb(BASE_COLORS.highlight, 255),
    getWidth: SELECTION_LINE_WIDTH,
    widthUnits: 'pixels',
  });
}

/** What a deck.gl pick hit, in the app's terms. */
export function pickedFeature(info: PickingInfo | null): { kind: 'product' | 'zone'; id: string } | null {
  if (!info?.object || !info.layer) return null;
  if (info.layer.id === 'ocop-products') return { kind: 'product', id: (info.object as ProductFeature).id };
  if (!info.layer.id.endsWith('-fill')) return null;
  return { kind: 'zone', id: (info.object as ZonePart).zone.id };
}
