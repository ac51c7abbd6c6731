import { isZip, zipEntryNames } from './formats/archive.ts';
import { CFB_MAGIC, isEncryptedOffice } from './formats/cfb.ts';
import { isSqlite } from './formats/geopackage.ts';

/**
 * What an upload is, told by its content — magic bytes, a zip's entry names, a text's first character — never by
 * its name, which staff get wrong ("bao-cao.csv" saved from Word): each reader refuses what it cannot read by it,
 * saying what the file looks like (importFileMessages.looks) and what was expected.
 */
export type FileLook =
  | 'empty'
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'opendocument'
  | 'old-office'
  | 'encrypted-office'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'tiff'
  | 'webp'
  | 'rar'
  | '7z'
  | 'gzip'
  | 'shapefile-zip'
  | 'kmz'
  | 'zip'
  | 'sqlite'
  | 'json'
  | 'xml'
  | 'text'
  | 'binary';

const MAGIC: [FileLook, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['old-office', [...CFB_MAGIC]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['rar', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['gzip', [0x1f, 0x8b]],
];

/** The byte-order marks Excel's "Unicode Text" and "CSV UTF-8" write, and the encodings they announce. */
const BOMS: [number[], 'utf-8' | 'utf-16le' | 'utf-16be'][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** The encoding a byte-order mark announces, and the mark's length; null without one. */
export function bomOf(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  const found = BOMS.find(([mark]) => startsWith(bytes, mark));
  return found ? { encoding: found[1], length: found[0].length } : null;
}

/**
 * What an upload looks like; the first 4 KiB decide, except for a zip and a compound file, whose directories are
 * read: an .xlsx saved with a password is a compound file like an .xls, told apart by its encrypted package.
 */
export function lookOf(bytes: Uint8Array): FileLook {
  if (bytes.length === 0) return 'empty';
  const magic = MAGIC.find(([, m]) => startsWith(bytes, m));
  if (magic?.[0] === 'old-office' && isEncryptedOffice(bytes)) return 'encrypted-office';
  if (magic) return magic[0];
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (isZip(bytes)) return zipLook(zipEntryNames(bytes) ?? []);
  if (isSqlite(bytes)) return 'sqlite';
  return textLook(bytes.subarray(0, 4096));
}

/** Office documents are zips too: their parts' names tell them apart from a zipped shapefile. */
function zipLook(names: readonly string[]): FileLook {
  const has = (pattern: RegExp) => names.some((n) => pattern.test(n));
  if (has(/\.shp$/i)) return 'shapefile-zip';
  if (has(/\.kml$/i)) return 'kmz';
  if (has(/^xl\//)) return 'xlsx';
  if (has(/^word\//)) return 'docx';
  if (has(/^ppt\//)) return 'pptx';
  if (names[0] === 'mimetype' && has(/^content\.xml$/)) return 'opendocument';
  return 'zip';
}

/**
 * Text, JSON or XML by the first character past any byte-order mark and white space; binary when it holds zero
 * bytes or control characters — except UTF-16 written without its mark (a zero beside every ASCII character),
 * which is text in an encoding the table reader then refuses by name.
 */
function textLook(head: Uint8Array): FileLook {
  const zeros = [0, 0];
  let controls = 0;
  head.forEach((b, i) => {
    if (b === 0) zeros[i % 2]++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a && b !== 0x1b)) controls++;
  });
  const bom = bomOf(head);
  const unmarkedUtf16 = !bom && Math.min(...zeros) === 0 && Math.max(...zeros) > head.length / 4;
  if (!bom && !unmarkedUtf16 && (zeros[0] + zeros[1] > 0 || controls > head.length / 100)) return 'binary';
  const text = new TextDecoder(bom?.encoding ?? (unmarkedUtf16 ? (zeros[1] ? 'utf-16le' : 'utf-16be') : 'utf-8')).decode(head.subarray(bom?.length ?? 0));
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'xml';
  return 'text';
}
