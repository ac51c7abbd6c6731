import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Principal } from '../domain/access.ts';
import { IMPORT_PROGRAMMES, type ImportCommitResponse, type ImportPreviewResponse, mayImport } from '../catalog/imports.ts';
import { inLang } from '../catalog/warnings.ts';
import { boundaryLicenceInput, writeSchemas } from '../catalog/writes.ts';
import { provinceDate } from '../domain/dates.ts';
import type { Snapshot } from '../db/snapshot.ts';
import { revision } from '../db/writes/revision.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import { checkBody } from '../http/body.ts';
import type { EditRequest } from '../edits/index.ts';
import type { CrsCode } from '../geo/crs.ts';
import { ApiError } from '../http/errors.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import { importMessages as I } from '../messages/imports.ts';
import type { Lang } from '../messages/text.ts';
import type { CrsDecision } from './crs-choice.ts';
import type { LegacyFont } from '../domain/legacy-fonts.ts';
import { unicodeCells } from './unicode-cells.ts';
import { execute } from './execute.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, sizeText, tooLarge } from './limits.ts';
import { type CheckedMapFile, type MapFileJob, readMapFile } from './map-file.ts';
import type { FileSource, ImportKind, Plan, PlanContext } from './plan.ts';
import { planBoundaries } from './plans/boundaries.ts';
import { planProducts } from './plans/products.ts';
import { planRecognitions } from './plans/recognitions.ts';
import { planZones } from './plans/zones.ts';
import { PreviewStore } from './previews.ts';
import { type ReadTable, readTable as readTableHere, type TableFileJob } from './tables/read.ts';
import { TABLE_SPECS, tableFor } from './tables/specs.ts';

export { IMPORT_PROGRAMMES };

/** May this user import this kind at all (mayImport, the rule the import page offers kinds by)? Anyone else: 403. */
export function checkImportRole(user: Principal & { login: string }, kind: ImportKind): void {
  if (mayImport(user, kind)) return;
  const programme = IMPORT_PROGRAMMES[kind];
  throw new ApiError(403, 'forbidden', I.mayNotImport(user.login, user.role, kind, programme));
}

/** An uploaded file and the choices that go with it. */
export interface ImportUpload {
  kind: ImportKind;
  fileName: string;
  /** The file; a worker that reads it takes its buffer over (server/imports/check-pool.ts). */
  bytes: Uint8Array;
  /** The coordinate system, when the file does not say (map files). */
  crs?: CrsCode | null;
  /** The GeoPackage table to read, when it holds several. */
  layer?: string | null;
  /** Boundaries: the unit set replaced, the attribute with the codes, and the licence. */
  unitSet?: UnitSet | null;
  codeField?: string | null;
  licence?: unknown;
  /** One source for every row that names none (title, date, url or fileId). */
  source?: unknown;
  /** The legacy font the file's old text is typed in, to convert it (each value in the preview's warnings); else it is refused. */
  legacyFont?: LegacyFont | null;
}

export interface ImporterDeps {
  db: Database;
  data: () => Snapshot;
  limits?: ImportLimits;
  clock?: () => Date;
  previews?: PreviewStore;
  /**
   * Reads and checks a map file (the expensive part of its preview). The server passes a worker pool's
   * (server/imports/check-pool.ts); the command line reads in its own thread. @default readMapFile, in this thread
   */
  readMap?: (job: MapFileJob) => Promise<CheckedMapFile>;
  /** Reads a table (CSV or XLSX): the same pool's, in the server. @default readTable, in this thread */
  readTable?: (job: TableFileJob) => Promise<ReadTable>;
}

/**
 * Imports, one code path for HTTP and the command line: parse the file → check every row with
 * the editor's schemas and data checks → a dry run through the editor that lists what would be
 * added or changed and each row's error → kept as a preview → commit of exactly that preview
 * in one transaction under one import batch (revertible as a whole), if nothing changed since.
 */
export function createImporter({
  db,
  data,
  limits = DEFAULT_IMPORT_LIMITS,
  clock = () => new Date(),
  previews = new PreviewStore(() => clock().getTime()),
  readMap = async (job) => readMapFile(job),
  readTable = readTableHere,
}: ImporterDeps) {
  const revisions = revision(db);
  const inputs = writeSchemas(() => provinceDate(clock()));

  async function plan(upload: ImportUpload, snapshot: Snapshot): Promise<{ plan: Plan; format: string; layer: string | null; crs: CrsDecision | null }> {
    const fileSource: FileSource = upload.source ? prefixed('source', () => checkBody(inputs.sourceInput, upload.source)) : null;
    const cells = unicodeCells(upload.legacyFont ?? null);
    const base = { data: snapshot, fileName: upload.fileName, fileSource, inputs, cells };
    // What was converted from a legacy font is shown with the plan's own warnings.
    const withConversions = (p: Plan): Plan => ({ ...p, warnings: [...cells.warnings(), ...p.warnings] });
    if (upload.kind === 'ntm-recognitions' || upload.kind === 'ocop-products') {
      const table = await readTable({ fileName: upload.fileName, bytes: upload.bytes, spec: tableFor(TABLE_SPECS[upload.kind], snapshot), limits });
      const ctx: PlanContext = { ...base, crs: null };
      return {
        plan: withConversions(upload.kind === 'ntm-recognitions' ? planRecognitions(table, ctx) : planProducts(table, ctx)),
        format: table.format,
        layer: null,
        crs: null,
      };
    }
    const licence = upload.kind === 'boundaries' ? prefixed('licence', () => checkBody(boundaryLicenceInput, upload.licence ?? {})) : null;
    if (upload.kind === 'boundaries' && !upload.unitSet) throw new ApiError(400, 'invalid_body', I.chooseUnitSet, { unitSet: F.required });
    // The communes go with the job (about 0.2 MB, a millisecond to copy) rather than the worker reading the database:
    // its checks then see exactly the snapshot the dry run and the commit use, not a revision written meanwhile.
    const set = upload.kind === 'zones' ? '2020' : upload.unitSet!;
    const file = await readMap({
      fileName: upload.fileName,
      bytes: upload.bytes,
      limits,
      layer: upload.layer ?? null,
      crs: upload.crs ?? null,
      localCrs: snapshot.province.localCrs,
      units: snapshot.units[set].communes.map((u) => ({ code: u.code, geometry: u.geometry })),
    });
    const { crs, features } = file;
    const ctx: PlanContext = { ...base, crs, shapes: file.shapes, dbfNames: file.format === 'shapefile' };
    const planned =
      upload.kind === 'zones'
        ? planZones(features, ctx)
        : planBoundaries(features, ctx, { unitSet: upload.unitSet!, codeField: upload.codeField ?? null, licence: licence! });
    return { plan: withConversions(planned), format: file.format, layer: file.layer, crs };
  }

  return {
    limits,
    previews,

    /**
     * Reads, checks and dry-runs an upload; keeps the preview for a commit. The caller checks the
     * role first (checkImportRole). The answer's issues are in `lang`.
     */
    async preview(req: EditRequest, upload: ImportUpload, lang: Lang = 'en') {
      if (upload.bytes.length > limits.maxUploadBytes) {
        throw tooLarge('file_too_large', I.fileTooLarge(upload.fileName, sizeText(upload.bytes.length), sizeText(limits.maxUploadBytes)));
      }
      const snapshot = data();
      const rev = revisions.current();
      const planned = await plan(upload, snapshot);
      const id = PreviewStore.newId();
      const at = clock();
      const batch = {
        id: `imp-${at.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex')}`,
        kind: upload.kind,
        fileName: upload.fileName,
        summary: { format: planned.format, layer: planned.layer, crs: planned.crs?.code ?? null, rows: planned.plan.rows },
      };
      const outcome = execute(db, snapshot, clock, req, planned.plan, batch, 'dry-run');
      const errors = [...planned.plan.errors, ...outcome.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      const count = (action: string) => outcome.changes.filter((c) => c.action === action).length;
      const expiresAt = at.getTime() + previews.ttlMs;
      const canCommit = errors.length === 0 && outcome.changes.length > 0;
      const response = (lang: Lang): ImportPreviewResponse => ({
        id,
        kind: upload.kind,
        fileName: upload.fileName,
        format: planned.format,
        layer: planned.layer,
        crs: planned.crs && { ...planned.crs, said: planned.crs.said[lang] },
        rows: planned.plan.rows,
        revision: rev,
        expiresAt: new Date(expiresAt).toISOString(),
        canCommit,
        summary: {
          create: count('create'),
          update: count('update'),
          unchanged: outcome.unchanged.length,
          errors: errors.length,
          warnings: planned.plan.warnings.length,
        },
        errors: inLang(errors, lang),
        warnings: inLang(planned.plan.warnings, lang),
        unchangedRows: outcome.unchanged,
        changes: outcome.changes.map((c) => ({ ...c, label: c.label[lang] })),
        ...(planned.plan.boundaries ? { boundaries: planned.plan.boundaries } : {}),
      });
      previews.put({
        id,
        owner: req.actor,
        kind: upload.kind,
        batch,
        plan: planned.plan,
        data: snapshot,
        revision: rev,
        outcome,
        expiresAt,
        canCommit,
        response,
      });
      return response(lang);
    },

    /** The preview again (its owner only), its issues in `lang`. */
    get(req: EditRequest, id: string, lang: Lang = 'en') {
      return previews.get(id, req.actor).response(lang);
    },

    discard(req: EditRequest, id: string): void {
      previews.get(id, req.actor);
      previews.delete(id);
    },

    /** Applies exactly the preview: in one transaction, or not at all. */
    commit(req: EditRequest, id: string, progress?: (done: number, total: number) => void) {
      const p = previews.get(id, req.actor);
      if (!p.canCommit) {
        throw new ApiError(409, 'preview_has_errors', I.previewHasErrors(p.batch.fileName, !p.outcome.changes.length));
      }
      const now = revisions.current();
      if (now !== p.revision) {
        throw new ApiError(409, 'preview_stale', I.previewStale(p.revision, now));
      }
      const outcome = execute(db, p.data, clock, req, p.plan, p.batch, 'commit', progress, p.outcome.digest);
      previews.delete(id);
      const count = (action: string) => outcome.changes.filter((c) => c.action === action).length;
      const result: ImportCommitResponse = {
        batchId: p.batch.id,
        kind: p.kind,
        fileName: p.batch.fileName,
        counts: { create: count('create'), update: count('update'), unchanged: outcome.unchanged.length },
        changes: outcome.changes.length,
      };
      return result;
    },
  };
}
export type Importer = ReturnType<typeof createImporter>;

/** A file-level input's 400, its fields named under their group ("source.url"). */
function prefixed<T>(group: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof ApiError) || !e.fieldTexts) throw e;
    const fields = Object.fromEntries(Object.entries(e.fieldTexts).map(([k, v]) => [`${group}.${k}`, v]));
    const [first, message] = Object.entries(fields)[0];
    throw new ApiError(400, 'invalid_body', F.at(first, message), fields);
  }
}

/** Row issues as the API answers them: in one language. */
