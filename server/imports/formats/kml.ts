import { importFileMessages as I } from '../../messages/import-files.ts';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { CRS84 } from '../../geo/crs.ts';
import { badFile } from '../limits.ts';
import type { GeoFile } from './geo-file.ts';

/**
 * A KML file (Google Earth, QGIS): always longitude/latitude on WGS 84 by the standard.
 * Placemarks' names and ExtendedData become properties. Documents with a DTD are refused:
 * entity expansion is how XML files blow up a parser, and KML has no use for one.
 */
export function readKml(text: string): GeoFile {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw badFile(I.kmlDtd, 'unsafe_file');
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  if (errors.length || !doc.documentElement) throw badFile(I.kmlNotXml(errors[0] || null));
  if (doc.documentElement.localName !== 'kml') throw badFile(I.kmlRoot(String(doc.documentElement.localName)));
  const fc = kml(doc as unknown as Document);
  return {
    format: 'kml',
    layer: null,
    features: fc.features.map((f) => ({ properties: { ...(f.properties ?? {}) }, geometry: f.geometry ?? null })),
    crs: { kind: 'implied', code: CRS84, said: I.crsSaidKml },
  };
}
