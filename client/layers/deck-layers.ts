import type { Layer, PickingInfo } from '@deck.gl/core';
import { FillStyleExtension, type FillStyleExtensionProps, PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { IconLayer, PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ApiFeature } from '../../server/geo/collection.ts';
import type { ProductProperties, ZoneProperties } from '../../server/catalog/properties.ts';
import { spreadOffsets } from '../lib/spread.ts';
import { classOf, layerById } from './registry.ts';
import { NEUTRAL, rgb } from './theme.ts';

/**
 * The deck.gl overlays (OCOP products, raw-material zones), built from the registry like the
 * MapLibre style. Pure: the same input gives equal layers, and nothing here touches the map.
 */
export type ProductFeature = ApiFeature<ProductProperties, Point>;
export type ZoneFeature = ApiFeature<ZoneProperties, Polygon | MultiPolygon>;

type ZonePart = { zone: ZoneFeature; polygon: Position[][] };
type ZoneRing = { zone: ZoneFeature; path: Position[] };

export interface DeckInput {
  visible: { products: boolean; zones: boolean };
  products: ProductFeature[];
  zones: ZoneFeature[];
  selectedId: string | null;
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

/** A marker icon as an inline SVG (no request leaves the page): a disc, or a ring for district-level places. */
export function markerIcon(color: string, shape: 'disc' | 'ring'): { id: string; url: string; width: number; height: number } {
  const body =
    shape === 'disc'
      ? `<circle cx="32" cy="32" r="27" fill="${color}" stroke="${NEUTRAL.paper}" stroke-width="7"/>`
      : `<circle cx="32" cy="32" r="24" fill="${NEUTRAL.paper}" fill-opacity="0.85" stroke="${color}" stroke-width="12"/><circle cx="32" cy="32" r="30" fill="none" stroke="${NEUTRAL.ink}" stroke-width="2"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">${body}</svg>`;
  return { id: `${shape}-${color}`, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width: 64, height: 64 };
}

/** Zones whose shape is only the extent of communes or districts get hatching and a dashed outline. */
export const ZONE_PATTERNS = {
  communes: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 5 },
  district: { type: 'hatch', angle: 45, strokeWidth: 1.5, gap: 11 },
} as const;

export function buildDeckLayers(input: DeckInput): Layer[] {
  const layers: Layer[] = [];
  if (input.visible.zones) {
    const parts: ZonePart[] = input.zones.flatMap((z) => polygonsOf(z).map((polygon) => ({ zone: z, polygon })));
    const rings: ZoneRing[] = parts.flatMap((p) => p.polygon.map((path) => ({ zone: p.zone, path })));
    const fillStyle: FillStyleExtensionProps<ZonePart> = {
      fillPatternMapping: ZONE_PATTERNS,
      fillPatternSizeUnits: 'pixels',
      getFillPattern: (d) => (d.zone.properties.extent === 'surveyed' ? 'none' : d.zone.properties.extent),
      getFillPatternBackgroundColor: (d) => rgb(zoneColor(d.zone.properties), 45),
    };
    const pathStyle: PathStyleExtensionProps<ZoneRing> = {
      getDashArray: (d) => (d.zone.properties.extent === 'surveyed' ? [0, 0] : [5, 3]),
    };
    layers.push(
      new SolidPolygonLayer<ZonePart, FillStyleExtensionProps<ZonePart>>({
        id: 'zones-fill',
        data: parts,
        getPolygon: (d) => d.polygon as [number, number][][],
        getFillColor: (d) => rgb(zoneColor(d.zone.properties), 200),
        extensions: [new FillStyleExtension({ pattern: true, proceduralPattern: true })],
        ...fillStyle,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 60],
      }),
      new PathLayer<ZoneRing, PathStyleExtensionProps<ZoneRing>>({
        id: 'zones-outline',
        data: rings,
        getPath: (d) => d.path as [number, number][],
        getColor: (d) => rgb(zoneColor(d.zone.properties), 255),
        getWidth: (d) => (d.zone.id === input.selectedId ? 4 : 2),
        widthUnits: 'pixels',
        extensions: [new PathStyleExtension({ dash: true })],
        ...pathStyle,
        updateTriggers: { getWidth: input.selectedId },
      }),
    );
  }
  if (input.visible.products) {
    const offsets = spreadOffsets(input.products, (p) => p.geometry.coordinates.join(','));
    layers.push(
      new IconLayer<ProductFeature & { offset: [number, number] }>({
        id: 'ocop-products',
        data: input.products.map((p, i) => ({ ...p, offset: offsets[i] })),
        getPosition: (d) => d.geometry.coordinates as [number, number],
        getIcon: (d) => markerIcon(productColor(d.properties), d.properties.location === 'district' ? 'ring' : 'disc'),
        getSize: (d) => productRadius(d.properties) * 2 * (d.id === input.selectedId ? 1.35 : 1),
        sizeUnits: 'pixels',
        getPixelOffset: (d) => d.offset,
        pickable: true,
        autoHighlight: true,
        updateTriggers: { getSize: input.selectedId },
      }),
    );
  }
  return layers;
}

function polygonsOf(z: ZoneFeature): Position[][][] {
  return z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
}

/** What a deck.gl pick hit, in the app's terms. */
export function pickedFeature(info: PickingInfo | null): { kind: 'product' | 'zone'; id: string } | null {
  if (!info?.object || !info.layer) return null;
  if (info.layer.id === 'ocop-products') return { kind: 'product', id: (info.object as ProductFeature).id };
  return { kind: 'zone', id: (info.object as ZonePart).zone.id };
}
