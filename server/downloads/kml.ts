import type { Geometry, Position } from 'geojson';
import { type ColumnType, listItemText } from '../catalog/columns.ts';
import { type KmlStyles, kmlStyles } from './kml-styles.ts';
import type { DownloadLayer } from './layers.ts';
import { appTitleOf, layerDescription, licenceLines, licenceNote } from './provenance.ts';
import type { Chunks } from './stream.ts';
import { type TableColumn, tableColumns } from './table.ts';
import { escapeXml } from './xml.ts';

/**
 * KML 2.2 for Google Earth: one Folder per layer (its title, date, parameters and licence in the
 * Folder's description), a Placemark per feature with a name, the map's class colour and every
 * column as ExtendedData; the licences in the Document's description. Every text is escaped.
 */

/** The property that names a placemark, by preference; else the feature id. */
const NAME_KEYS = ['fullName', 'name', 'communeName', 'indicator'];

function placemarkName(properties: unknown, id: string): string {
  const p = properties as Record<string, unknown>;
  const key = NAME_KEYS.find((k) => Object.hasOwn(p, k) && typeof p[k] === 'string' && p[k] !== '');
  return key ? String(p[key]) : id;
}

const coords = (ring: Position[]) => ring.map(([x, y]) => `${x},${y}`).join(' ');

function polygon(rings: Position[][]): string {
  const [outer, ...inner] = rings;
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer)}</coordinates></LinearRing></outerBoundaryIs>${inner
    .map((r) => `<innerBoundaryIs><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></innerBoundaryIs>`)
    .join('')}</Polygon>`;
}

/** KML geometry of the catalog's shapes (points, polygons, multipolygons); "" for none. */
export function kmlGeometry(g: Geometry | null): string {
  if (!g) return '';
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
    default:
      throw new Error(`KML: no writer for ${g.type}`);
  }
}

const SIMPLE_TYPES: Record<ColumnType, string> = { text: 'string', date: 'string', integer: 'int', real: 'double', boolean: 'bool' };

/** The typed schema of a layer's ExtendedData (KML 2.2 §9.8), so Google Earth, QGIS and GDAL read typed fields. */
function schema(layer: DownloadLayer, columns: readonly TableColumn[]): string {
  const fields = columns.map(
    (c) => `<SimpleField type="${SIMPLE_TYPES[c.type]}" name="${escapeXml(c.key)}"><displayName>${escapeXml(c.key)}</displayName></SimpleField>`,
  );
  return `<Schema name="${layer.name}" id="${layer.name}">${fields.join('')}</Schema>`;
}

function* folder(layer: DownloadLayer, columns: readonly TableColumn[], styles: KmlStyles): Generator<string> {
  const description = [layerDescription(layer, 'vi'), layerDescription(layer, 'en'), ...licenceLines(layer.licences, 'vi')].join('\n');
  yield `<Folder id="${layer.name}-folder"><name>${escapeXml(layer.title.vi)}</name><description>${escapeXml(description)}</description>\n`;
  let batch: string[] = [];
  for (const f of layer.features) {
    const styleUrl = styles.styleUrl(f.properties);
    const data = columns
      .map((c) => {
        const v = c.value(f);
        return v === null ? '' : `<SimpleData name="${escapeXml(c.key)}">${escapeXml(listItemText(v))}</SimpleData>`;
      })
      .join('');
    batch.push(
      `<Placemark><name>${escapeXml(placemarkName(f.properties, f.id))}</name>${styleUrl ? `<styleUrl>${styleUrl}</styleUrl>` : ''}` +
        `<ExtendedData><SchemaData schemaUrl="#${layer.name}">${data}</SchemaData></ExtendedData>${kmlGeometry(f.geometry)}</Placemark>\n`,
    );
    if (batch.length === 100) {
      yield batch.join('');
      batch = [];
    }
  }
  yield `${batch.join('')}</Folder>\n`;
}

export function* kmlChunks(layers: readonly DownloadLayer[], generated: string): Chunks {
  const title = appTitleOf(layers).vi;
  const name = layers.length === 1 ? `${layers[0].title.vi} — ${layers[0].date}` : `${title} — ${generated.slice(0, 10)}`;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n';
  yield `<name>${escapeXml(name)}</name>\n<description>${escapeXml(`${title}, ${generated}\n\n${licenceNote(layers)}`)}</description>\n`;
  // Schemas and shared styles belong to the Document (KML 2.2 §9.7, §12), before the folders that use them.
  const columns = layers.map((l) => tableColumns(l, { geometry: false, licence: false }));
  const styles = layers.map((l) => kmlStyles(l.collection, l.name));
  for (const [i, layer] of layers.entries()) yield `${schema(layer, columns[i])}\n${styles[i].xml}\n`;
  for (const [i, layer] of layers.entries()) yield* folder(layer, columns[i], styles[i]);
  yield '</Document>\n</kml>\n';
}
