import { formatDate, formatMonth } from '../../server/messages/format.ts';
import type { Label, Lang } from './label.ts';
import { localizeStated } from './stated-text.ts';

/**
 * How a source reads on screen. The research data cites its sources in their own language and
 * adds notes in English; the interface says in the active language what it can (the seed reports,
 * dates) and shows the research's English notes as such, never mixed into Vietnamese text.
 */
const SEED_TITLE = 'seed: 2021 provincial reports';
const SEED: Label = { vi: 'Báo cáo của tỉnh năm 2021 (tài liệu gốc của dự án)', en: 'Provincial reports of 2021 (the project’s seed material)' };

/** Remarks the interface already says in its own words (the seed title, inferred OCOP groups). */
const SAID_ELSEWHERE = [/^Seed\.\s*/, /\s*\[group assigned by researcher from product type\]/g, /\s*Also in seed\.?/g];

const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

export function sourceTitle(title: string, lang: Lang): { text: string; lang: Lang } {
  if (title === SEED_TITLE) return { text: SEED[lang], lang };
  // The title proper, before the outlet in parentheses, tells the language of the source.
  const proper = title.replace(/\s*\([^()]*\)\s*$/, '');
  return { text: title, lang: VIETNAMESE_LETTERS.test(proper) ? 'vi' : 'en' };
}

/** A source's date as stated ("2023-08-07 (council meeting 7/8)", "~2024", "undated") in the active language. */
export function sourceDate(date: string, lang: Lang): string {
  const text = date
    .replace(/^(\d{4}-\d{2}-\d{2})/, (d) => formatDate(d, lang))
    .replace(/^(\d{4}-\d{2})(?!\d)/, (m) => formatMonth(m, lang))
    .replace(/(\d{4})-(\d{4})/, '$1–$2');
  return localizeStated(text, lang) ?? '';
}

/** The research's note on a citation, without what is said elsewhere; English, and marked so. */
export function sourceNote(note: string): { text: string; lang: 'en' } | null {
  let text = note;
  for (const re of SAID_ELSEWHERE) text = text.replace(re, '');
  text = text.trim();
  return text ? { text, lang: 'en' } : null;
}
