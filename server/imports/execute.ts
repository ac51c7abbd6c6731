import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Geometry } from 'geojson';
import type { Snapshot } from '../db/snapshot.ts';
import type { AuditEntry } from '../db/writes/audit.ts';
import { importBatchWriter } from '../db/writes/import-batches.ts';
import { createEditor, type EditRequest } from '../edits/index.ts';
import { areaKm2 } from '../geo/measure.ts';
import { ApiError } from '../http/errors.ts';
import { changeNames } from './change-names.ts';
import { vertexCount } from './formats/geo-file.ts';
import { importMessages as I } from '../messages/catalog.ts';
import { type Text, verbatim } from '../messages/text.ts';
import type { Plan, PlanItem, RowIssue } from './plan.ts';

/** One record the import adds or changes, as the preview shows it (shapes summarised). */
export interface ChangeView {
  action: AuditEntry['action'];
  entity: string;
  id: string;
  rows: number[];
  /** In both languages: the preview answers each reader in theirs. */
  label: Text;
  before: unknown;
  after: unknown;
  /** For updates: the fields that change, before → after. */
  fields: { field: string; before: unknown; after: unknown }[];
  /** The names of the unit codes and product ids its records hold (changeNames). */
  names: Record<string, string>;
}

export interface Outcome {
  changes: ChangeView[];
  /** Rows the editor refused (dry runs only: a commit stops at the first). */
  errors: RowIssue[];
  /** Rows that change nothing (the record already says the same). */
  unchanged: number[];
  /** A digest of every change, whole: a commit must reproduce the preview's exactly. */
  digest: string;
}

export interface BatchInfo {
  id: string;
  kind: string;
  fileName: string;
  summary: Record<string, unknown>;
}

class DryRun extends Error {
  constructor(readonly outcome: Outcome) {
    super('dry run');
  }
}
const UNCHANGED = new Error('unchanged');

/**
 * Records without what every save adds (citations, sourced facts), keys in one order (a record
 * read back from the database lists its fields in another order than an edit builds them):
 * equal ones mean the row changes nothing.
 */
function substance(record: unknown): string {
  if (!record || typeof record !== 'object') return JSON.stringify(record);
  const { citations: _c, facts: _f, ...rest } = record as Record<string, unknown>;
  return JSON.stringify(rest, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Shapes become their type, vertex count and area: a preview of hundreds of communes stays readable. */
function summarise(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(summarise);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const g = v as Geometry | null;
    out[k] =
      k === 'geometry' && g && (g.type === 'Polygon' || g.type === 'MultiPolygon')
        ? { type: g.type, vertices: vertexCount(g), areaKm2: areaKm2(g) }
        : k === 'geometry'
          ? v
          : summarise(v);
  }
  return out;
}

function fieldChanges(before: unknown, after: unknown): ChangeView['fields'] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: summarise(b[k]), after: summarise(a[k]) }));
}

/**
 * Runs a plan through the editor in ONE transaction (BEGIN IMMEDIATE), under one import batch
 * whose id every audit entry carries. A dry run (the preview) collects each item's refusal
 * against its rows and what would change, then rolls everything back; a commit stops at the
 * first refusal (and rolls back) or commits all. Items run in savepoints: one that changes
 * nothing is rolled back alone and reported as unchanged.
 * @param data the data as of the preview: every check sees the same record
 * @param progress called after each item, for long imports (the command line prints it)
 * @param expectDigest a commit's changes must have this digest (the preview's), or it rolls back
 */
export function execute(
  db: Database,
  data: Snapshot,
  clock: () => Date,
  req: EditRequest,
  plan: Plan,
  batch: BatchInfo,
  mode: 'dry-run' | 'commit',
  progress?: (done: number, total: number) => void,
  expectDigest?: string,
): Outcome {
  const editor = createEditor(db, () => data, clock);
  const batches = importBatchWriter(db);
  const inBatch: EditRequest = { ...req, batchId: batch.id };
  const errors: RowIssue[] = [];
  const unchanged: number[] = [];
  const labels = new Map<number, Pick<PlanItem, 'rows' | 'rowsOf' | 'label'>>();
  const run = () =>
    editor.context.transact(() => {
      batches.add({
        id: batch.id,
        at: clock().toISOString(),
        userLogin: req.actor.login,
        kind: batch.kind,
        fileName: batch.fileName,
        summary: JSON.stringify(batch.summary),
      });
      let last = 0;
      plan.items.forEach((item, i) => {
        try {
          db.transaction(() => {
            item.run(editor, inBatch);
            const written = editor.audit.batchSince(batch.id, last);
            if (written.every((e) => substance(e.before) === substance(e.after))) throw UNCHANGED;
            for (const e of written) labels.set(e.id, item);
            last = Math.max(last, ...written.map((e) => e.id));
          })();
        } catch (e) {
          if (e === UNCHANGED) unchanged.push(...item.rows);
          else if (!(e instanceof ApiError) || e.status >= 500) throw e;
          else if (mode === 'commit') throw new ApiError(409, 'import_refused', I.rowRefused(item.rows[0], item.label, e.text));
          else errors.push(...rowIssues(e, item));
        }
        progress?.(i + 1, plan.items.length);
      });
      const entries = editor.audit.batchSince(batch.id, 0);
      const outcome: Outcome = {
        changes: entries.map((e) => {
          const item = labels.get(e.id);
          return {
            action: e.action,
            entity: e.entity,
            id: e.entityId,
            rows: item?.rowsOf?.(e.entityId) ?? item?.rows ?? [],
            label: item?.label ?? verbatim(e.entityId),
            before: summarise(e.before),
            after: summarise(e.after),
            fields: e.action === 'create' ? [] : fieldChanges(e.before, e.after),
            names: changeNames(data, e.unitSet, [e.before, e.after], (id) => editor.context.sources.get(id)?.title ?? null),
          };
        }),
        errors,
        unchanged,
        digest: createHash('sha256')
          .update(JSON.stringify(entries.map((e) => [e.action, e.entity, e.entityId, e.before, e.after])))
          .digest('hex'),
      };
      if (mode === 'dry-run') throw new DryRun(outcome);
      if (expectDigest !== undefined && outcome.digest !== expectDigest) {
        throw new ApiError(409, 'preview_stale', I.noLongerSame);
      }
      return outcome;
    });
  try {
    return run();
  } catch (e) {
    if (e instanceof DryRun) return e.outcome;
    throw e;
  }
}

/** An editor's refusal as row issues: each field it names, on the item's columns. */
function rowIssues(e: ApiError, item: Plan['items'][number]): RowIssue[] {
  const row = item.rows[0] ?? null;
  if (!e.fieldTexts) return [{ row, column: null, message: e.text }];
  return Object.entries(e.fieldTexts).map(([field, message]) => ({ row, column: item.column(field) ?? field, message }));
}
