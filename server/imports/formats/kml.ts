import { importFileMessages as I } from '../../messages/import-files.ts';
import { kml } from '@tmcw/togeojson';
import { DOMParser, ParseError } from '@xmldom/xmldom';
import { CRS84 } from '../../geo/crs.ts';
import { badFile, unreadableFile } from '../limits.ts';
import type { GeoFile } from './geo-file.ts';

/**
 * A KML file (Google Earth, QGIS): always longitude/latitude on WGS 84 by the standard.
 * Placemarks' names and ExtendedData become properties. Documents with a DTD are refused:
 * entity expansion is how XML files blow up a parser, and KML has no use for one.
 */
export function readKml(text: string): GeoFile {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw badFile(I.kmlDtd, 'unsafe_file');
  const doc = parsedXml(text.replace(/^\uFEFF/, ''));
  if (doc.documentElement.localName !== 'kml') throw badFile(I.kmlRoot(String(doc.documentElement.localName)));
  const fc = kml(doc as unknown as Document);
  return {
    format: 'kml',
    layer: null,
    features: fc.features.map((f) => ({ properties: { ...(f.properties ?? {}) }, geometry: f.geometry ?? null })),
    crs: { kind: 'implied', code: CRS84, said: I.crsSaidKml },
  };
}

type XmlDocument = ReturnType<DOMParser['parseFromString']>;

/**
 * The XML document of a KML file, or a refusal in the person's words: xmldom's own (English) words are the
 * refusal's cause, for the server's log; only the line and column of its locator, as numbers, are shown.
 * A fatal error is reported to onError and then thrown as a ParseError; other errors let parsing go on.
 */
function parsedXml(text: string): XmlDocument & { documentElement: NonNullable<XmlDocument['documentElement']> } {
  let fault: { said: string; at: { line: number; column: number } | null } | null = null;
  let doc: XmlDocument | null = null;
  try {
    doc = new DOMParser({
      onError: (level, message, context: { locator?: { lineNumber?: unknown; columnNumber?: unknown } } | undefined) => {
        if (level === 'warning' || fault) return;
        const { lineNumber: line, columnNumber: column } = context?.locator ?? {};
        const located = typeof line === 'number' && typeof column === 'number' && line > 0 && column > 0;
        fault = { said: `xmldom ${level}: ${message} (line ${line}, column ${column})`, at: located ? { line, column } : null };
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    fault ??= { said: `xmldom: ${e.message}`, at: null };
  }
  const said = fault?.said ?? 'xmldom: no document element';
  // Not one element in the text: nothing to point at, and nothing to close.
  if (!/<[\p{L}_:]/u.test(text)) throw unreadableFile(I.kmlNoElement, said);
  if (fault || !doc?.documentElement) throw unreadableFile(I.kmlNotXml(fault?.at ?? null), said);
  return doc as XmlDocument & { documentElement: NonNullable<XmlDocument['documentElement']> };
}
