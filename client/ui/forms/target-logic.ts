import type { TargetRecord } from '../../../server/catalog/records.ts';
import { targetInput } from '../../../server/catalog/writes.ts';
import type { Lang } from '../../lib/label.ts';
import { emptySource, type SourceDraft, sourceBody } from './source-logic.ts';
import { needingReason, numberOrNull, textOrNull, validate } from './validate.ts';

/** A province target or reported total as typed. */
export interface TargetDraft {
  indicator: string;
  indicatorKey: string;
  scope: string;
  target: string;
  targetValue: string;
  targetYear: string;
  actual: string;
  actualValue: string;
  actualDate: string;
  reason: string;
  source: SourceDraft;
}

const str = (v: number | string | null) => (v === null ? '' : String(v));

/** A new target (for an indicator the charts know, when given; province-wide unless said) or one filled from an existing target. */
export function targetDraft(from?: TargetRecord, indicatorKey = '', provinceScope = ''): TargetDraft {
  return {
    indicator: from?.indicator ?? '',
    indicatorKey: from?.indicatorKey ?? indicatorKey,
    scope: from?.scope ?? provinceScope,
    target: from?.target ?? '',
    targetValue: str(from?.targetValue ?? null),
    targetYear: str(from?.targetYear ?? null),
    actual: from?.actual ?? '',
    actualValue: str(from?.actualValue ?? null),
    actualDate: from?.actualDate ?? '',
    reason: '',
    source: emptySource(),
  };
}

/** The body of POST/PUT /api/edits/targets. */
export function targetBody(d: TargetDraft) {
  return {
    indicator: d.indicator,
    indicatorKey: d.indicatorKey.trim(),
    scope: d.scope,
    target: textOrNull(d.target),
    targetValue: numberOrNull(d.targetValue),
    targetYear: numberOrNull(d.targetYear),
    actual: textOrNull(d.actual),
    actualValue: numberOrNull(d.actualValue),
    actualDate: textOrNull(d.actualDate),
    source: sourceBody(d.source),
    reason: textOrNull(d.reason),
  };
}

export function checkTarget(d: TargetDraft, editing: boolean, lang: Lang) {
  return needingReason(validate(targetInput, targetBody(d), lang), editing, d.reason, lang);
}
