import type { Cell } from '../tables/cells.ts';

/** An attribute name as compared: lower case, letters and digits only ("Area_Ha" = "areaha"). */
const norm = (k: string) =>
  k
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Reads a feature's attributes by field key, under the names GIS files give them: a shapefile's
 * ten-character DBF names (src_title), Vietnamese names without diacritics (dien_tich), any case.
 * @returns for each key, the cell and the attribute's own name (for messages)
 */
export function attributeReader(properties: Record<string, unknown>, aliases: Record<string, readonly string[]>) {
  const byNorm = new Map(Object.keys(properties).map((k) => [norm(k), k]));
  const nameOf = (key: string): string | null => {
    for (const alias of [key, ...(aliases[key] ?? [])]) {
      const found = byNorm.get(norm(alias));
      if (found !== undefined) return found;
    }
    return null;
  };
  return {
    name: (key: string) => nameOf(key) ?? key,
    get: (key: string): Cell => {
      const k = nameOf(key);
      const v = k === null ? null : properties[k];
      return v === undefined || v === null ? null : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : (v as Cell);
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
