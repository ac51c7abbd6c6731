import { geoJSONToWkt } from 'betterknown';
import type { Geometry } from 'geojson';
import { type CellValue, type ColumnType, columnsOf } from '../catalog/columns.ts';
import type { ApiFeature } from '../geo/collection.ts';
import type { DownloadLayer } from './layers.ts';

/**
 * The columns of a layer in a tabular file: the collection's property columns (derived from its
 * schema, server/catalog/columns.ts), then, as each format needs, its geometry as readable
 * columns (lon and lat for points, WKT for shapes), the date it is as of, and its licence.
 */
export interface TableColumn {
  key: string;
  type: ColumnType;
  value(feature: ApiFeature<unknown, Geometry | null>): CellValue;
}

export interface TableOptions {
  /** Add lon/lat (points) or wkt (shapes): for files without a geometry of their own (CSV, XLSX). */
  geometry: boolean;
  /** Add the licence terms on every row: for CSV, which has nowhere else to say it. */
  licence: boolean;
}

export function tableColumns(layer: DownloadLayer, { geometry, licence }: TableOptions): TableColumn[] {
  const c = layer.collection;
  const columns: TableColumn[] = columnsOf(c.properties).map((col) => ({ key: col.key, type: col.type, value: (f) => col.value(f.properties) }));
  if (geometry && c.geometry === 'point') {
    columns.push({ key: 'lon', type: 'real', value: (f) => (f.geometry?.type === 'Point' ? f.geometry.coordinates[0] : null) });
    columns.push({ key: 'lat', type: 'real', value: (f) => (f.geometry?.type === 'Point' ? f.geometry.coordinates[1] : null) });
  }
  if (geometry && c.geometry === 'polygon') columns.push({ key: 'wkt', type: 'text', value: (f) => (f.geometry ? geoJSONToWkt(f.geometry) : null) });
  if (layer.asOf) {
    const asOf = layer.asOf;
    columns.push({ key: 'asOf', type: 'date', value: () => asOf });
  }
  if (licence) {
    const text = layer.licences.map((l) => `${l.title}: ${l.terms.vi}`).join(' | ');
    columns.push({ key: 'licence', type: 'text', value: () => text });
  }
  return columns;
}
