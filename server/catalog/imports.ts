import { z } from 'zod';
import type { Principal, Programme } from '../domain/access.ts';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import { warningView } from './warnings.ts';

/**
 * The /api/imports answers, as schemas: the server builds them, the client's import page checks
 * what it receives against them (client/api.ts).
 */

export const IMPORT_KIND_IDS = ['ntm-recognitions', 'ocop-products', 'zones', 'boundaries'] as const;
export type ImportKindId = (typeof IMPORT_KIND_IDS)[number];

/** Who may import what: the editor role with the kind's programme (boundaries: admin or the boundaries programme). */
export const IMPORT_PROGRAMMES: Record<ImportKindId, Programme> = {
  'ntm-recognitions': 'ntm',
  'ocop-products': 'ocop',
  zones: 'zones',
  boundaries: 'boundaries',
};

/**
 * May `who` import this kind at all? Admins, and editors with the kind's programme — an editor
 * scoped to units may import rows of those units (each row is then authorised on its unit, and
 * rows on other units are refused in the preview). The server enforces it (checkImportRole); the
 * import page offers only these kinds.
 */
export function mayImport(who: Principal | null, kind: ImportKindId): boolean {
  return !!who && (who.role === 'admin' || (who.role === 'editor' && who.programmes.includes(IMPORT_PROGRAMMES[kind])));
}

/** A problem with a row (table row number, header = 1) or a feature (1-based); null row: the whole file. */
export const rowIssue = z.object({ row: z.int().nullable(), column: z.string().nullable(), message: z.string() });
export type RowIssueResponse = z.infer<typeof rowIssue>;
/** A warning about a row or feature: where, and the warning's code and message (server/catalog/warnings.ts). */
export const rowWarning = rowIssue.extend(warningView.shape);

/** A source's key among a change's names: "source:105" (the server names them, the preview reads them). */
export const sourceKey = (id: number) => `source:${id}`;

export const changeView = z.object({
  action: z.enum(['create', 'update', 'retract', 'delete', 'revert']),
  entity: z.string(),
  id: z.string(),
  rows: z.array(z.int()),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** Names of the unit codes, product ids and cited sources the records hold: "03205" → "Xã Thanh Xương", "source:105" → its title. */
  names: z.record(z.string(), z.string()),
});

export const boundaryReport = z.object({
  unitSet: z.string(),
  units: z.array(
    z.object({ code: z.string(), name: z.string(), areaBeforeKm2: z.number(), areaAfterKm2: z.number(), changeKm2: z.number(), changePct: z.number() }),
  ),
  districts: z.array(z.object({ code: z.string(), name: z.string(), areaBeforeKm2: z.number(), areaAfterKm2: z.number() })),
  zonesRederived: z.array(z.string()),
  licence: z.object({ title: z.string(), url: z.string(), redistributable: z.boolean() }),
});

/** POST /api/imports (201) and GET /api/imports/:id */
export const importPreviewResponse = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KIND_IDS),
  fileName: z.string(),
  format: z.string(),
  layer: z.string().nullable(),
  crs: z.object({ code: z.string(), name: z.string(), from: z.enum(['file', 'standard', 'user']), said: z.string() }).nullable(),
  rows: z.int(),
  revision: z.int(),
  expiresAt: z.string(),
  canCommit: z.boolean(),
  summary: z.object({ create: z.int(), update: z.int(), unchanged: z.int(), errors: z.int(), warnings: z.int() }),
  errors: z.array(rowIssue),
  warnings: z.array(rowWarning),
  unchangedRows: z.array(z.int()),
  changes: z.array(changeView),
  boundaries: boundaryReport.optional(),
});
export type ImportPreviewResponse = z.infer<typeof importPreviewResponse>;

/** POST /api/imports/:id/commit (201) */
export const importCommitResponse = z.object({
  batchId: z.string(),
  kind: z.enum(IMPORT_KIND_IDS),
  fileName: z.string(),
  counts: z.object({ create: z.int(), update: z.int(), unchanged: z.int() }),
  changes: z.int(),
});
export type ImportCommitResponse = z.infer<typeof importCommitResponse>;

/** GET /api/imports/kinds */
export const importKindsResponse = z.object({
  kinds: z.array(z.object({ kind: z.enum(IMPORT_KIND_IDS), programme: z.string(), formats: z.array(z.string()), templates: z.array(z.string()) })),
  crs: z.array(z.object({ code: z.string(), name: z.string() })),
  unitSets: z.array(z.enum(UNIT_SETS)),
  limits: z.object({ maxUploadBytes: z.int(), maxRows: z.int(), maxVertices: z.int(), maxShapeVertices: z.int() }),
});
