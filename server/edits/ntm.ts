import type { StoredRecognition } from '../catalog/stored.ts';
import type { Warning } from '../catalog/warnings.ts';
import type { RecognitionCorrection, RecognitionInput, RetractionInput } from '../catalog/writes.ts';
import { recognitionCountsFrom } from '../domain/as-of.ts';
import { ntmApplies } from '../domain/ntm-status.ts';
import { sameYearRecognitions, sameYearWarning } from '../domain/same-year.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import { type EditContext, type EditRequest, editCitation, fieldError, freshId } from './context.ts';
import { unitSetName } from '../messages/unit-sets.ts';

/**
 * NTM recognitions: record one, correct one, retract one. History is never deleted: a correction
 * keeps the earlier version in the audit log, a retraction keeps the recognition (it stops counting).
 * Dates follow the one as-of rule (server/domain/as-of.ts): a recognition for year Y counts from
 * 31 December of Y; one whose year the source does not state counts from the source's date.
 */
export function ntmEdits(ctx: EditContext) {
  function checkUnit(input: RecognitionInput) {
    const unit = ctx.data().units[input.unitSet].communes.find((u) => u.code === input.communeCode);
    if (!unit) throw fieldError('communeCode', E.noCommune(input.communeCode, unitSetName(input.unitSet, ctx.data().province.unitSets)));
    if (!ntmApplies(unit.type)) {
      throw fieldError('communeCode', E.notRural(unit.type, unit.name));
    }
    if (input.decision && input.yearFor !== null && Number(input.decision.date.slice(0, 4)) < input.yearFor) {
      throw fieldError('decision.date', E.decisionBeforeYear(input.yearFor, input.decision.date));
    }
  }

  function fields(input: RecognitionInput): Omit<StoredRecognition, 'id' | 'citations' | 'disputed' | 'disputeNote' | 'recordedAs' | 'retracted'> {
    return {
      unitSet: input.unitSet,
      communeCode: input.communeCode,
      status: input.status,
      yearFor: input.yearFor,
      yearUnknown: input.yearFor === null,
      countsFrom: recognitionCountsFrom(input.yearFor, input.source.date),
      decision: input.decision,
      criteriaMet: input.criteriaMet,
      criteriaText: input.criteriaText,
    };
  }

  function existing(id: string): StoredRecognition {
    const r = ctx.kinds.get('recognition')!.get(id) as StoredRecognition | null;
    if (!r) throw new ApiError(404, 'not_found', E.notFound('recognition', id));
    return r;
  }

  return {
    record(req: EditRequest, input: RecognitionInput): StoredRecognition {
      checkUnit(input);
      return ctx.transact(() => {
        const sourceId = ctx.source(input.source);
        const kind = ctx.kinds.get('recognition')!;
        const id = freshId(
          `${input.communeCode}-${input.status}-${input.yearFor ?? 'undated'}${input.unitSet === '2025' ? '-2025' : ''}`,
          (x) => kind.get(x) !== null,
        );
        const after: StoredRecognition = {
          id,
          ...fields(input),
          disputed: false,
          disputeNote: null,
          recordedAs: null,
          retracted: null,
          citations: [editCitation(sourceId, input.source)],
        };
        ctx.apply(req, { action: 'create', entity: 'recognition', id, after, reason: null, sourceId });
        return after;
      });
    },

    correct(req: EditRequest, id: string, input: RecognitionCorrection): StoredRecognition {
      checkUnit(input);
      return ctx.transact(() => {
        const before = existing(id);
        if (before.retracted) throw fieldError('id', E.alreadyRetracted(id, null), 409);
        const sourceId = ctx.source(input.source);
        const after: StoredRecognition = { ...before, ...fields(input), citations: [...before.citations, editCitation(sourceId, input.source)] };
        ctx.apply(req, { action: 'update', entity: 'recognition', id, after, reason: input.reason, sourceId });
        return after;
      });
    },

    retract(req: EditRequest, id: string, input: RetractionInput): StoredRecognition {
      return ctx.transact(() => {
        const before = existing(id);
        if (before.retracted) throw fieldError('id', E.alreadyRetracted(id, before.retracted.at.slice(0, 10)), 409);
        const sourceId = ctx.source(input.source);
        const after: StoredRecognition = {
          ...before,
          retracted: { at: ctx.now(), reason: input.reason },
          citations: [...before.citations, editCitation(sourceId, input.source)],
        };
        ctx.apply(req, { action: 'retract', entity: 'recognition', id, after, reason: input.reason, sourceId });
        return after;
      });
    },

    /**
     * What the form warns of before saving this recognition, told after it is saved (the edit API answers
     * with it): the other recognitions on record giving its commune a status for its year. None for a retracted one.
     */
    warnings(saved: StoredRecognition): Warning[] {
      if (saved.retracted) return [];
      return sameYearRecognitions(ctx.data().recognitions, saved, saved.id).map(sameYearWarning);
    },
  };
}
