import { foldForSearch } from '../../server/domain/text.ts';
import type { Label } from './label.ts';
import type { Selection } from './url-state.ts';

/**
 * Search over everything the map shows: districts, communes, products, producers and zones,
 * ignoring diacritics and case ("tua chua" finds Tủa Chùa).
 */
export interface SearchEntry {
  kind: Selection['kind'] | 'producer';
  /** What choosing the result selects (a producer selects its first product). */
  target: Selection;
  name: string;
  /** What it is, when more exact than its kind: a unit's own type ("Phường", "Thành phố", not "Xã", "Huyện"). */
  kindLabel?: Label;
  /** A short context line: the district of a commune, the producer of a product… */
  detail: Label;
  /** Extra names the entry answers to (other spellings). */
  aliases?: string[];
}

export interface SearchResult extends SearchEntry {
  score: number;
}

export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 12): SearchResult[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const words = q.split(' ');
  const results: SearchResult[] = [];
  for (const e of entries) {
    const names = [e.name, ...(e.aliases ?? [])].map(foldForSearch);
    let best = 0;
    for (const n of names) {
      const score = n === q ? 100 : n.startsWith(q) ? 80 : ` ${n}`.includes(` ${q}`) ? 60 : words.every((w) => n.includes(w)) ? 40 : 0;
      best = Math.max(best, score);
    }
    if (best) results.push({ ...e, score: best + KIND_BONUS[e.kind] });
  }
  return results.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi')).slice(0, limit);
}

/** Places before things: "Mường Chà" the district before a product named after it. */
const KIND_BONUS: Record<SearchEntry['kind'], number> = { district: 5, commune: 4, zone: 2, product: 1, producer: 0 };
