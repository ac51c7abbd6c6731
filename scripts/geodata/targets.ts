import { isIsoDate, type IsoDate } from '../../server/domain/dates.ts';
import { cleanName } from '../../server/domain/text.ts';
import type { SourcedRow } from './inputs.ts';
import type { SourceRegistry } from './sources.ts';
import type { Target } from '../../server/catalog/geodata.ts';

/**
 * Curation of `targets.csv`: province targets and the totals the province reported.
 * Text is kept as stated; numbers are read only where the cell starts with one
 * ("22 (18 đạt chuẩn + 4 CBĐC)" → 22). A reported total describes the end of the period
 * it names ("2020" → 2020-12-31, "2018-06" → 2018-06-30, "before 2025-07-01" → 2025-06-30,
 * "2025 (mid?)" → 2025-06-30).
 */
export const INDICATORS: Record<string, string> = {
  'xã đạt chuẩn NTM (count)': 'ntm-standard-communes',
  'xã đạt chuẩn + CBĐC (count)': 'ntm-standard-or-basic-communes',
  'xã đạt chuẩn NTM (share of communes)': 'ntm-standard-share',
  'xã NTM nâng cao (share of đạt chuẩn communes)': 'ntm-advanced-share',
  'xã NTM kiểu mẫu (share of nâng cao communes)': 'ntm-model-share',
  'xã NTM status after merger': 'ntm-after-merger',
  'thôn, bản NTM (count)': 'ntm-villages',
  'thôn, bản NTM & kiểu mẫu (count)': 'ntm-villages',
  'district-level units completing NTM': 'ntm-districts',
  'average criteria per commune': 'ntm-average-criteria',
  'OCOP products (count)': 'ocop-products',
  'OCOP products (count) by certification year': 'ocop-products-by-year',
};

const FILE = 'targets.csv';

export function curateTargets(rows: (SourcedRow & { line: number })[], sources: SourceRegistry): Target[] {
  return rows.map((row, i) => ({
    id: `target-${String(i + 1).padStart(2, '0')}`,
    indicator: cleanName(row.indicator),
    indicatorKey: INDICATORS[cleanName(row.indicator)] ?? 'other',
    scope: cleanName(row.scope),
    targetText: row.target_value ? cleanName(row.target_value) : null,
    targetValue: leadingNumber(row.target_value),
    targetYear: lastYear(row.target_year),
    actualText: row.actual_value ? cleanName(row.actual_value) : null,
    actualValue: leadingNumber(row.actual_value),
    actualDate: reportDate(row.actual_date),
    citation: sources.cite(row, FILE),
  }));
}

/** "38" → 38; "26/115 = 22.6%" → 26; ">=90 (3-4*)" → 90; "21.7% (implied…)" → 21.7; prose → null. */
export function leadingNumber(text: string): number | null {
  const m = /^(?:>=|≥|>|~)?\s*(\d[\d,]*(?:\.\d+)?)/.exec(text.trim());
  return m ? Number(m[1].replace(/,(?=\d{3}\b)/g, '')) : null;
}

function lastYear(text: string): number | null {
  const years = [...text.matchAll(/\d{4}/g)].map((m) => Number(m[0]));
  return years.length ? years[years.length - 1] : null;
}

/** The last day of the period a report date names ("2025 (mid?)" → 30 June). */
export function reportDate(text: string): IsoDate | null {
  const t = text.trim();
  const mid = /^(\d{4}) \(mid/.exec(t);
  if (mid) return `${mid[1]}-06-30`;
  const before = /^before (\d{4}-\d{2}-\d{2})$/.exec(t);
  if (before) {
    const d = new Date(`${before[1]}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(?:end-)?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(t);
  if (!m) return null;
  if (m[3]) return isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  if (m[2]) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
  }
  return `${m[1]}-12-31`;
}
