import { importFileMessages as M } from '../../messages/import-files.ts';
import { type FileLook, lookOf } from '../file-look.ts';
import { type ImportLimits, badFile, tooLarge } from '../limits.ts';
import { isZip, readZip } from './archive.ts';
import { type GeoFile, vertexCount } from './geo-file.ts';
import { readGeoJson } from './geojson.ts';
import { isSqlite, readGeoPackage } from './geopackage.ts';
import { readKml } from './kml.ts';
import { mapText } from './map-text.ts';
import { readShapefile } from './shapefile.ts';

/**
 * Reads a map file by its content (the name only helps the messages): a zip holding a
 * shapefile or a KML (KMZ), a GeoPackage, KML or GeoJSON. Then the limits on features and
 * vertices apply, before anything is reprojected or validated.
 * @param layer the GeoPackage table, or the zip's shapefile, to read when the file holds several
 */
export function readGeoUpload(name: string, bytes: Uint8Array, limits: ImportLimits, layer: string | null = null): GeoFile {
  const file = readByContent(name, bytes, limits, layer);
  if (file.features.length > limits.maxRows) {
    throw tooLarge('too_many_rows', M.tooManyRows(name, file.features.length, limits.maxRows));
  }
  const vertices = file.features.reduce((n, f) => n + vertexCount(f.geometry), 0);
  if (vertices > limits.maxVertices) {
    throw tooLarge('too_many_vertices', M.tooManyVertices(name, vertices, limits.maxVertices));
  }
  if (!file.features.length) throw badFile(M.noFeatures(name));
  return file;
}

/** What a map file can look like before it is read: the rest (a PDF, a workbook, a CSV…) is refused by its look. */
const MAP_LOOKS: readonly FileLook[] = ['shapefile-zip', 'kmz', 'zip', 'sqlite', 'json', 'xml'];

function readByContent(name: string, bytes: Uint8Array, limits: ImportLimits, layer: string | null): GeoFile {
  const look = lookOf(bytes);
  if (look === 'empty') throw badFile(M.emptyUpload(name, M.formatsHint), 'empty_file');
  if (!MAP_LOOKS.includes(look)) throw badFile(M.notAMap(name, look, M.formatsHint), 'unsupported_format');
  if (isZip(bytes)) {
    const entries = readZip(bytes, limits);
    if (entries.some((e) => /\.shp$/i.test(e.base))) return readShapefile(entries, layer);
    const kml = entries.find((e) => /\.kml$/i.test(e.base));
    if (kml) return readKml(mapText(kml.base, kml.data));
    const json = entries.find((e) => /\.(geo)?json$/i.test(e.base));
    if (json) return readGeoJson(mapText(json.base, json.data));
    throw badFile(M.zipWithoutMap(name, M.formatsHint));
  }
  if (isSqlite(bytes)) return readGeoPackage(bytes, limits, layer);
  const text = mapText(name, bytes);
  const first = text.trimStart()[0];
  if (first === '<') return readKml(text);
  if (first === '{') return readGeoJson(text);
  throw badFile(M.notAMap(name, look, M.formatsHint), 'unsupported_format');
}
