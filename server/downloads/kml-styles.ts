import { type Classification, classOf, REGISTRY } from '../catalog/layer-registry.ts';
import type { Collection } from '../catalog/define.ts';
import { escapeXml } from './xml.ts';

/**
 * KML styles of a collection, taken from the map's own layer registry (server/catalog/layer-registry.ts,
 * plain data): a feature is coloured in Google Earth by the class it has on the map — communes by
 * NTM status, districts by share of NTM communes, products by OCOP group, zones by crop.
 */
export interface KmlStyles {
  /** The <Style> elements, to write once in the Document. */
  xml: string;
  /** The style of one feature (`#id`), or null for a collection the map does not classify. */
  styleUrl(properties: unknown): string | null;
}

const ICON = 'https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png';

/** The classification the map draws this collection with: the most specific registry entry for its family and unit set. */
function classificationOf(c: Collection): Classification | null {
  const layers = REGISTRY.filter(
    (l) => l.classification && l.geometry !== 'label' && l.collection.family === c.family && (!c.unitSet || l.collection.unitSets.includes(c.unitSet)),
  ).sort((a, b) => a.collection.unitSets.length - b.collection.unitSets.length);
  return layers[0]?.classification ?? null;
}

/** `#rrggbb` → KML's `aabbggrr`. */
function kmlColor(hex: string, alpha: number): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return `${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}${b}${g}${r}`.toLowerCase();
}

function style(id: string, color: string, geometry: Collection['geometry']): string {
  const body =
    geometry === 'point'
      ? `<IconStyle><color>${kmlColor(color, 1)}</color><scale>0.9</scale><Icon><href>${escapeXml(ICON)}</href></Icon></IconStyle>`
      : `<LineStyle><color>${kmlColor('#333333', 0.8)}</color><width>1</width></LineStyle><PolyStyle><color>${kmlColor(color, 0.7)}</color></PolyStyle>`;
  return `<Style id="${id}">${body}</Style>`;
}

/** @param prefix makes the style ids unique in the Document (the layer's table name) */
export function kmlStyles(c: Collection, prefix: string): KmlStyles {
  const classification = classificationOf(c);
  if (!classification || !c.geometry) return { xml: '', styleUrl: () => null };
  const classes = [...classification.classes, classification.unknown];
  const ids = classes.map((_, i) => (i < classification.classes.length ? `${prefix}-${i}` : `${prefix}-unknown`));
  return {
    xml: classes.map((k, i) => style(ids[i], k.color, c.geometry)).join('\n'),
    styleUrl(properties) {
      const value = Object.hasOwn(properties as object, classification.property) ? (properties as Record<string, unknown>)[classification.property] : null;
      const found = classOf(classification, value);
      const i = classes.indexOf(found as (typeof classes)[number]);
      return `#${ids[i < 0 ? classes.length - 1 : i]}`;
    },
  };
}
