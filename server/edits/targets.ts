import type { StoredTarget } from '../catalog/stored.ts';
import type { TargetInput } from '../catalog/writes.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import { type EditContext, type EditRequest, editCitation, fieldError } from './context.ts';

/** Province targets and reported totals: add one or correct one, each with its source. */
export function targetEdits(ctx: EditContext) {
  return {
    save(req: EditRequest, id: string | null, input: TargetInput): StoredTarget {
      if (id !== null && !input.reason) throw fieldError('reason', F.reasonTarget);
      return ctx.transact(() => {
        const kind = ctx.kinds.get('target')!;
        const before = id === null ? null : (kind.get(id) as StoredTarget | null);
        if (id !== null && !before) throw new ApiError(404, 'not_found', E.notFound('target', id));
        const taken = ctx.data().targets.map((t) => Number(/^target-(\d+)$/.exec(t.id)?.[1] ?? 0));
        const newId = id ?? `target-${String(Math.max(0, ...taken) + 1).padStart(2, '0')}`;
        const sourceId = ctx.source(input.source);
        const after: StoredTarget = {
          id: newId,
          indicator: input.indicator,
          indicatorKey: input.indicatorKey,
          scope: input.scope,
          targetText: input.target,
          targetValue: input.targetValue,
          targetYear: input.targetYear,
          actualText: input.actual,
          actualValue: input.actualValue,
          actualDate: input.actualDate,
          citation: editCitation(sourceId, input.source),
        };
        ctx.apply(req, { action: before ? 'update' : 'create', entity: 'target', id: newId, after, reason: input.reason, sourceId });
        return after;
      });
    },
  };
}
