import type { IsoDate } from './dates.ts';
import { groupBy } from './group-by.ts';
import { NTM_STATUSES, statusRank, type NtmStatus } from './ntm-status.ts';

/**
 * Which communes are closest to their next NTM status. A commune's progress is the latest
 * criteria count known by the date: from its current recognition, or from a sourced progress
 * fact ("17/19" in 2023). Communes rank by current status (a cơ bản đạt chuẩn commune is one
 * step from đạt chuẩn), then by the share of criteria met; unknown progress ranks last.
 */
export interface CandidateInput {
  code: string;
  name: string;
  status: NtmStatus;
  /** Criteria met at the current recognition (of 19), when known. */
  criteriaMet: number | null;
  statusYear: number | null;
}

export interface ProgressFact {
  code: string;
  year: number | null;
  criteriaText: string | null;
  kind: 'criteria-progress' | 'advanced-progress';
}

export interface Candidate {
  code: string;
  name: string;
  status: NtmStatus;
  nextStatus: NtmStatus;
  /** The latest known criteria count toward the next status, e.g. { met: 17, of: 19, year: 2023 }. */
  progress: { met: number; of: number; year: number | null } | null;
}

export function nextStatus(status: NtmStatus): NtmStatus | null {
  return NTM_STATUSES[statusRank(status) + 1] ?? null;
}

/** "17/19" → { met: 17, of: 19 }; "14/16 advanced-NTM criteria" → { met: 14, of: 16 }. */
export function parseProgress(text: string | null): { met: number; of: number } | null {
  const m = /^(\d{1,2})\/(\d{1,2})\b/.exec(text ?? '');
  return m && Number(m[1]) <= Number(m[2]) ? { met: Number(m[1]), of: Number(m[2]) } : null;
}

/** One collator for every comparison: `localeCompare(b, 'vi')` builds a new one per call, which made ranking the slowest part of a districts layer. */
const byVietnameseName = new Intl.Collator('vi').compare;

export function rankCandidates(communes: readonly CandidateInput[], facts: readonly ProgressFact[], asOf: IsoDate): Candidate[] {
  const year = Number(asOf.slice(0, 4));
  const factsOf = groupBy(facts, (f) => f.code);
  const out: Candidate[] = [];
  for (const c of communes) {
    const next = nextStatus(c.status);
    if (!next) continue;
    // Progress toward nâng cao is counted on another scale; only a fact of that kind speaks to it.
    const wantedKind = statusRank(c.status) >= statusRank('standard') ? 'advanced-progress' : 'criteria-progress';
    const known = (factsOf.get(c.code) ?? [])
      .filter((f) => f.kind === wantedKind && (f.year === null || f.year <= year))
      .map((f) => ({ ...parseProgress(f.criteriaText), year: f.year }))
      .filter((p): p is { met: number; of: number; year: number | null } => p.met !== undefined)
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
    const fromRecognition = wantedKind === 'criteria-progress' && c.criteriaMet !== null ? { met: c.criteriaMet, of: 19, year: c.statusYear } : null;
    const progress = [known, fromRecognition].filter((p) => p != null).sort((a, b) => (b!.year ?? 0) - (a!.year ?? 0))[0] ?? null;
    out.push({ code: c.code, name: c.name, status: c.status, nextStatus: next, progress });
  }
  // The keys once per commune, not per comparison: a districts layer ranks its communes at every step of the timeline.
  const keyed = out.map((c) => ({ c, rank: statusRank(c.status), share: c.progress ? c.progress.met / c.progress.of : -1 }));
  keyed.sort((a, b) => b.rank - a.rank || b.share - a.share || byVietnameseName(a.c.name, b.c.name));
  return keyed.map((k) => k.c);
}
