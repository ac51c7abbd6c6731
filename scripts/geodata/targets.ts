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
 *
 * A target the Prime Minister assigned ("PM-assigned") counts communes at đạt chuẩn: the
 * national programme knows no "cơ bản đạt chuẩn", a provincial milestone. The research put the
 * 2016–2020 assignment (15) on the row of the "đạt chuẩn + CBĐC" total the same article set
 * against it (VietNamNet 2019: 22 = 18 đạt chuẩn + 4 CBĐC, "vượt chỉ tiêu 15 xã do Thủ tướng
 * giao"), which read as a narrower target (35, the province's own) beside a smaller wider one.
 * Such a row becomes two records: the reported total on its indicator, the target on đạt chuẩn.
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
  'coffee area (ha)': 'crop-area:coffee',
  'macadamia area (ha)': 'crop-area:macadamia',
  'medicinal plant area (ha)': 'crop-area:medicinal',
  'honey pineapple area (ha)': 'crop-area:pineapple',
};

const PM_ASSIGNED = /PM-assigned/;

const FILE = 'targets.csv';

export function curateTargets(rows: (SourcedRow & { line: number })[], sources: SourceRegistry): Target[] {
  return rows.flatMap((row, i) => {
    const target: Target = {
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
    };
    if (target.indicatorKey !== 'ntm-standard-or-basic-communes' || !PM_ASSIGNED.test(target.targetText ?? '')) return [target];
    const reported = { ...target, targetText: null, targetValue: null, targetYear: null };
    const assigned = {
      ...target,
      id: `${target.id}-pm`,
      indicator: 'xã đạt chuẩn NTM (count)',
      indicatorKey: 'ntm-standard-communes',
      actualText: null,
      actualValue: null,
      actualDate: null,
    };
    return reported.actualText === null ? [assigned] : [reported, assigned];
  });
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
