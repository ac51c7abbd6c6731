/**
 * The encoding of a shapefile's .dbf text, as the shapefile itself says it: its .cpg ("UTF-8", "65001", "1258",
 * "CP1258", "ANSI 1252", "88591", or any label TextDecoder knows), else the language driver id (LDID) in byte 29 of
 * the .dbf header when it names a code page. Without either — and for LDID 0x57, which means "the Windows code page
 * of whoever wrote it" (Windows-1258 on a Vietnamese Windows, 1252 on an English one) — the text must be UTF-8: that
 * is checked by the reader (server/imports/formats/shapefile.ts), never guessed.
 */
export interface DbfEncoding {
  /** The TextDecoder label to read the .dbf's text with. */
  label: string;
  /** Where it was said, for messages: `.cpg "CP1258"`, `LDID 0x03 (code page 1252)`. */
  said: string;
}

/** Code pages TextDecoder reads (Node has full ICU), by number; the DOS ones (437, 850, …) it does not. */
const CODE_PAGES: Record<number, string> = {
  65001: 'utf-8',
  874: 'windows-874',
  866: 'ibm866',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  10000: 'macintosh',
  ...Object.fromEntries([1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258].map((n) => [n, `windows-${n}`])),
};

/** Language driver ids that name a Windows or Asian code page (dBase / ArcGIS's table); 0x57 is "ANSI", not one. */
const LDIDS = new Map<number, number>([
  [0x03, 1252],
  [0x04, 10000],
  [0x13, 932],
  [0x26, 866],
  [0x4d, 936],
  [0x4e, 949],
  [0x4f, 950],
  [0x50, 874],
  [0x58, 1252],
  [0x59, 1252],
  [0x65, 866],
  [0x78, 950],
  [0x79, 949],
  [0x7a, 936],
  [0x7b, 932],
  [0x7c, 874],
  [0x7d, 1255],
  [0x7e, 1256],
  [0xc8, 1250],
  [0xc9, 1251],
  [0xca, 1254],
  [0xcb, 1253],
  [0xcc, 1257],
]);

/** The encoding a .cpg's text names, or null when this app cannot read it. */
export function cpgLabel(cpg: string): string | null {
  const said = cpg.trim();
  // ESRI writes ISO 8859-1 as "88591".
  const iso = /^(?:ISO[-_ ]?)?8859[-_ ]?(\d{1,2})$/i.exec(said)?.[1];
  const page = /^(?:ANSI\s*|CP\s*|WINDOWS-?|WIN)?(\d+)$/i.exec(said)?.[1];
  if (iso === undefined && page !== undefined) return CODE_PAGES[Number(page)] ?? null;
  const label = iso !== undefined ? `iso-8859-${iso}` : said;
  try {
    const { encoding } = new TextDecoder(label);
    // UTF-16 in a .dbf is a mislabel: its text is 8-bit or UTF-8.
    return encoding.startsWith('utf-16') ? null : encoding;
  } catch {
    return null;
  }
}

/**
 * The encoding the shapefile declares: its .cpg's when this app reads it, else its LDID's; null when neither says
 * one this app reads (then the text must be UTF-8).
 * @param cpg the .cpg file's text, if the zip has one
 * @param dbf the .dbf file's bytes
 */
export function dbfEncoding(cpg: string | null, dbf: Uint8Array): DbfEncoding | null {
  const fromCpg = cpg === null ? null : cpgLabel(cpg);
  if (fromCpg !== null) return { label: fromCpg, said: `.cpg "${cpg!.trim()}"` };
  const ldid = dbf.length > 29 ? dbf[29] : 0;
  const page = LDIDS.get(ldid);
  if (page === undefined) return null;
  return { label: CODE_PAGES[page], said: `LDID 0x${ldid.toString(16).padStart(2, '0')} (code page ${page})` };
}
