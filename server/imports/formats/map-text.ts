import { importFileMessages as M } from '../../messages/import-files.ts';
import { bomOf } from '../file-look.ts';
import { badFile } from '../limits.ts';

/** A KML's XML declaration naming its encoding: `<?xml version="1.0" encoding="windows-1258"?>`. */
const XML_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * The characters of a KML or GeoJSON file: UTF-8, or UTF-16 with its byte-order mark, or for a KML the encoding its
 * XML declaration names (XML allows any, and old tools write Windows-1258). GeoJSON is UTF-8 by its standard (RFC
 * 7946). Text that is not in the encoding it is read in is refused, naming the line where it stops: read anyway,
 * its names would be garbled without a word.
 */
export function mapText(name: string, bytes: Uint8Array): string {
  const bom = bomOf(bytes);
  const declared = bom ? null : XML_ENCODING.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  const encoding = bom?.encoding ?? (declared && knownEncoding(declared)) ?? 'utf-8';
  const body = bytes.subarray(bom?.length ?? 0);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const replaced = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const line = replaced.slice(0, replaced.indexOf('\uFFFD')).split('\n').length;
    throw badFile(M.mapTextNotIn(name, line, encoding === 'utf-8' ? 'UTF-8' : encoding), 'unsupported_encoding');
  }
}

/**
 * The label TextDecoder reads a declared encoding with, or null when it knows none (then the text must be UTF-8).
 * UTF-16 is known by its byte-order mark, which XML requires of it: a declaration of it without one is a tool's
 * leftover over UTF-8.
 */
function knownEncoding(label: string): string | null {
  try {
    const { encoding } = new TextDecoder(label);
    return encoding.startsWith('utf-16') ? null : encoding;
  } catch {
    return null;
  }
}
