import type { Cell } from '../tables/cells.ts';
import type { UnicodeCells } from '../unicode-cells.ts';

/** An attribute name as compared: lower case, letters and digits only ("Area_Ha" = "areaha"). */
const norm = (k: string) =>
  k
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A shapefile's attribute (DBF) names hold at most this many characters: GDAL and QGIS cut longer ones ("sourceTitle" → "sourceTitl"). */
export const DBF_NAME_LENGTH = 10;

/**
 * The names a DBF cuts each key and alias to, for the keys whose names are longer: "sourcetitl" →
 * sourceTitle. Two keys cut to the same name could not be told apart, so that is refused outright.
 */
export function dbfNames(aliases: Record<string, readonly string[]>): Map<string, string> {
  const cut = new Map<string, string>();
  for (const key of Object.keys(aliases)) {
    for (const name of [key, ...aliases[key]]) {
      if (name.length <= DBF_NAME_LENGTH) continue;
      const short = norm(name.slice(0, DBF_NAME_LENGTH));
      const other = cut.get(short);
      if (other !== undefined && other !== key) throw new Error(`${other} and ${key} both cut to the DBF name ${name.slice(0, DBF_NAME_LENGTH)}`);
      cut.set(short, key);
    }
  }
  return cut;
}

/**
 * Reads a feature's attributes by field key, under the names GIS files give them: a shapefile's
 * ten-character DBF names (src_title, or sourceTitle cut to sourceTitl when `dbf`), Vietnamese
 * names without diacritics (dien_tich), any case. Text in a legacy Vietnamese font refuses the
 * file, or is converted (UnicodeCells).
 * @param feature the feature's number (from 1), for that refusal or conversion
 * @returns for each key, the cell and the attribute's own name (for messages)
 */
export function attributeReader(
  properties: Record<string, unknown>,
  aliases: Record<string, readonly string[]>,
  feature: number,
  unicode: UnicodeCells,
  dbf = false,
) {
  const byNorm = new Map(Object.keys(properties).map((k) => [norm(k), k]));
  const cut = dbf ? dbfNames(aliases) : new Map<string, string>();
  const nameOf = (key: string): string | null => {
    for (const alias of [key, ...(aliases[key] ?? [])]) {
      const found = byNorm.get(norm(alias));
      if (found !== undefined) return found;
    }
    for (const [short, k] of cut) if (k === key && byNorm.has(short)) return byNorm.get(short)!;
    return null;
  };
  return {
    name: (key: string) => nameOf(key) ?? key,
    get: (key: string): Cell => {
      const k = nameOf(key);
      const v = k === null ? null : properties[k];
      if (v === undefined || v === null) return null;
      return unicode.cell(typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : (v as Cell), 'feature', feature, k!);
    },
  };
}

export const SOURCE_ALIASES = {
  sourceTitle: ['src_title', 'source', 'nguon', 'ten_nguon'],
  sourceDate: ['src_date', 'ngay_nguon'],
  sourceUrl: ['src_url', 'link', 'url'],
  sourceConfidence: ['src_conf'],
  sourceNote: ['src_note'],
} as const;
