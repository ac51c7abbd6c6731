import { recognitionCountsFrom } from '../../server/domain/as-of.ts';
import type { IsoDate } from '../../server/domain/dates.ts';
import type { RecognisedStatus } from '../../server/domain/ntm-status.ts';
import { cleanName } from '../../server/domain/text.ts';
import type { SourcedRow } from './inputs.ts';
import { type Gazetteer, resolveCommune, resolveCommune2025, resolveDistrict, resolveRetiredCommune } from './places.ts';
import { byConfidence, type SourceRegistry } from './sources.ts';
import type { Report } from './report.ts';
import type { Citation, CrosswalkRow, NtmFact, NtmFactKind, NtmRecognition, UnitFeature } from '../../server/catalog/geodata.ts';

/**
 * Curation of `ntm_communes.csv`. Rules:
 * - One recognition event per (commune, status, year-for), keeping every source that supports it.
 * - Sources that give the same commune and status different years are all kept, each as its
 *   own event, and every one of those events is marked disputed with the years in conflict.
 * - A year-unknown event counts from its earliest source's date (see domain/as-of.ts).
 * - Communes are named on the 2020–2025 units. A name found only in the 2019 set (Tà Lèng)
 *   is accepted for years before 2020 and attached to the unit it merged into (Thanh Minh).
 * - A `code=NNNNN` in the note must agree with the name; otherwise the build fails.
 * - Rows that are not recognitions (criteria progress, district-level flags, villages,
 *   post-merger progress) become progress facts; none is dropped.
 */
export const STATUS_CODES: Record<string, RecognisedStatus> = {
  co_ban_dat_chuan: 'basic',
  dat_chuan: 'standard',
  nang_cao: 'advanced',
  kieu_mau: 'model',
};

export const FACT_KINDS = {
  dang_xay_dung: 'criteria-progress',
  nang_cao_dang_xay_dung: 'advanced-progress',
  huyen_chua_co_xa_ntm: 'district-without-ntm',
  tien_do_huyen: 'district-progress',
  ban_dat_chuan_ntm: 'village-recognised',
} as const satisfies Record<string, NtmFactKind>;

export interface CuratedNtm {
  recognitions: NtmRecognition[];
  facts: NtmFact[];
}

interface Context {
  gazetteer: Gazetteer;
  crosswalk: CrosswalkRow[];
  sources: SourceRegistry;
  report: Report;
}

const FILE = 'ntm_communes.csv';

export function curateNtm(rows: (SourcedRow & { line: number })[], ctx: Context): CuratedNtm {
  const events = new Map<string, NtmRecognition>();
  const facts = new Map<string, NtmFact>();
  for (const row of rows) {
    const where = `${FILE}:${row.line}`;
    const citation = ctx.sources.cite(row, FILE);
    const year = parseYear(row.year, where);
    const status = STATUS_CODES[row.status];
    const factKind = (FACT_KINDS as Record<string, NtmFactKind>)[row.status];
    if (!status && !factKind) throw new Error(`${where}: unknown NTM status code "${row.status}"`);

    if (status) {
      const place = resolveRecognitionCommune(row, year, ctx, where);
      if (!place) continue;
      const id = `${place.code}-${status}-${year ?? 'unknown'}`;
      const event = events.get(id) ?? newEvent(id, place.code, status, year, place.recordedAs);
      event.citations.push(citation);
      events.set(id, event);
      continue;
    }

    const unit = resolveFactUnit(row, ctx, where);
    if (!unit) continue;
    const village = /\((bản [^)]*)\)/.exec(row.commune)?.[1] ?? null;
    const id = `${factKind}-${unit.unitSet}-${unit.code}-${year ?? 'unknown'}${village ? `-${village}` : ''}`;
    const fact: NtmFact = facts.get(id) ?? {
      id,
      kind: factKind,
      ...unit,
      village: village ? cleanName(village) : null,
      year,
      criteriaText: null,
      citations: [],
    };
    fact.citations.push(citation);
    fact.criteriaText ??= row.criteria_met ? cleanName(row.criteria_met) : null;
    facts.set(id, fact);
  }

  const recognitions = [...events.values()].map((e) => finishEvent(e, rows, ctx));
  markDisputes(recognitions, ctx);
  return {
    recognitions: recognitions.sort((a, b) => a.id.localeCompare(b.id)),
    facts: [...facts.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function newEvent(id: string, communeCode: string, status: RecognisedStatus, yearFor: number | null, recordedAs: NtmRecognition['recordedAs']): NtmRecognition {
  return {
    id,
    communeCode,
    status,
    yearFor,
    yearUnknown: yearFor === null,
    countsFrom: null,
    decision: null,
    criteriaMet: null,
    criteriaText: null,
    disputed: false,
    disputeNote: null,
    recordedAs,
    citations: [],
  };
}

function finishEvent(e: NtmRecognition, rows: (SourcedRow & { line: number })[], ctx: Context): NtmRecognition {
  e.citations.sort(byConfidence);
  const rowOf = (c: Citation) => rows.find((r) => `${FILE}:${r.line}` === c.origin)!;
  const earliest =
    e.citations
      .map((c) => ctx.sources.byId(c.sourceId).dateStart)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  e.countsFrom = recognitionCountsFrom(e.yearFor, earliest);
  if (e.countsFrom === null) ctx.report.add('ntm', `${e.id}: year unknown and no source is dated, so it never counts in "as of" figures`);
  for (const c of e.citations) {
    const row = rowOf(c);
    const criteria = parseCriteriaMet(row.criteria_met);
    if (criteria !== null && e.criteriaMet === null) {
      e.criteriaMet = criteria;
      e.criteriaText = cleanName(row.criteria_met);
    }
    e.decision ??= parseDecision(row.note);
  }
  return e;
}

function markDisputes(events: NtmRecognition[], ctx: Context) {
  const groups = new Map<string, NtmRecognition[]>();
  for (const e of events) {
    if (e.yearFor === null) continue;
    const key = `${e.communeCode}-${e.status}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const note = `Sources disagree on the year this status is for: ${group
      .map((e) => `${e.yearFor} (${e.citations.map((c) => ctx.sources.byId(c.sourceId).title).join('; ')})`)
      .join(' vs ')}.`;
    for (const e of group) {
      e.disputed = true;
      e.disputeNote = note;
    }
    ctx.report.add('ntm', `disputed: ${group.map((e) => e.id).join(', ')}`);
  }
}

function resolveRecognitionCommune(row: SourcedRow, year: number | null, ctx: Context, where: string) {
  const district = resolveDistrict(ctx.gazetteer, row.district);
  if (!district) {
    ctx.report.unresolved(where, `district "${row.district}"`);
    return null;
  }
  const stated = /code=(\d{5})/.exec(row.note)?.[1] ?? null;
  const commune = resolveCommune(ctx.gazetteer, row.commune, [district.properties.code]);
  if (commune) {
    if (stated && stated !== commune.properties.code) {
      throw new Error(`${where}: "${row.commune}" resolves to ${commune.properties.code} but the note says code=${stated}`);
    }
    return { code: commune.properties.code, recordedAs: null };
  }
  const retired = resolveRetiredCommune(ctx.gazetteer, row.commune);
  if (retired && year !== null && year < 2020) {
    const successor = ctx.crosswalk.find((x) => x.fromSet === '2019' && x.fromCode === retired.properties.code)!.toCode;
    ctx.report.add('ntm', `${where}: ${retired.properties.fullName} (retired 2020) attached to ${successor}`);
    return { code: successor, recordedAs: { unitSet: '2019' as const, code: retired.properties.code, name: retired.properties.fullName } };
  }
  ctx.report.unresolved(where, `commune "${row.commune}" in ${row.district}`);
  return null;
}

function resolveFactUnit(row: SourcedRow, ctx: Context, where: string): Pick<NtmFact, 'unitSet' | 'level' | 'code'> | null {
  if (row.district === '(2025 new commune)') {
    const unit = resolveCommune2025(ctx.gazetteer, row.commune);
    if (!unit) {
      ctx.report.unresolved(where, `2025 commune "${row.commune}"`);
      return null;
    }
    checkComposition(row.commune, unit, ctx, where);
    return { unitSet: '2025', level: 'commune', code: unit.properties.code };
  }
  const district = resolveDistrict(ctx.gazetteer, row.district);
  if (!district) {
    ctx.report.unresolved(where, `district "${row.district}"`);
    return null;
  }
  if (row.commune === '(district level)') return { unitSet: '2020', level: 'district', code: district.properties.code };
  const commune = resolveCommune(ctx.gazetteer, row.commune, [district.properties.code]);
  if (!commune) {
    ctx.report.unresolved(where, `commune "${row.commune}" in ${row.district}`);
    return null;
  }
  return { unitSet: '2020', level: 'commune', code: commune.properties.code };
}

/** "Chiềng Sinh (new: Chiềng Sinh+Nà Sáy+…)" must list exactly the merger table's former communes. */
function checkComposition(text: string, unit: UnitFeature, ctx: Context, where: string) {
  const listed = /\(new: ([^)]*)\)/.exec(text)?.[1];
  if (!listed) return;
  const codes = listed.split('+').map((n) => resolveCommune(ctx.gazetteer, n)?.properties.code ?? `?${n}`);
  const expected = unit.properties.formerCodes ?? [];
  const same = codes.length === expected.length && codes.every((c) => expected.includes(c));
  if (!same) ctx.report.add('ntm', `${where}: composition "${listed}" differs from merger-2025.csv (${expected.join(', ')})`);
}

export function parseYear(text: string, where: string): number | null {
  if (text === '') return null;
  if (!/^\d{4}$/.test(text)) throw new Error(`${where}: year "${text}" is not a 4-digit year`);
  return Number(text);
}

/**
 * Criteria met at recognition, out of 19: "19/19 (46/49 indicators)" → 19,
 * "12/19 đạt + 7 cơ bản" → 12. A count stated for another moment
 * ("2/19 at 2009 pilot start") or on another scale ("14/16 advanced-NTM criteria") is not one.
 */
export function parseCriteriaMet(text: string): number | null {
  const m = /^(\d{1,2})\/19(?!\s+at\b)/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** "Recognised by QĐ 520/QĐ-UBND dated 26/6/2018" → { ref: "QĐ 520/QĐ-UBND", date: "2018-06-26" }. */
export function parseDecision(note: string): { ref: string; date: IsoDate } | null {
  const m = /(QĐ \d+\/QĐ-[A-ZĐ]+) dated (\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(note);
  if (!m) return null;
  return { ref: m[1], date: `${m[4]}-${m[3].padStart(2, '0')}-${m[2].padStart(2, '0')}` };
}
