import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AuthEnv } from '../auth/middleware.ts';
import { LEGACY_FONTS, type LegacyFont } from '../domain/legacy-fonts.ts';
import { UNIT_SETS, type UnitSet } from '../domain/unit-sets.ts';
import { CRS_DEFINITIONS, type CrsCode } from '../geo/crs.ts';
import { ApiError } from '../http/errors.ts';
import { requestLang } from '../http/lang.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import { importMessages as I } from '../messages/imports.ts';
import { CRS_CHOICES } from '../imports/crs-choice.ts';
import { checkImportRole, IMPORT_PROGRAMMES, type Importer } from '../imports/importer.ts';
import { currentUser } from '../auth/authorize.ts';
import { sizeText } from '../imports/limits.ts';
import { IMPORT_KINDS, type ImportKind } from '../imports/plan.ts';
import { TABLE_SPECS, type TableKind, tableFor } from '../imports/tables/specs.ts';
import { templateCsv, templateXlsx } from '../imports/tables/template.ts';
import type { RouteDeps } from './deps.ts';
import { editRequest } from './edits.ts';

const TABLE_FORMATS = ['csv', 'xlsx'];
const MAP_FORMATS = ['geojson', 'kml', 'kmz', 'shapefile (zip)', 'geopackage'];

/** A form field that must be one of a closed list, or absent. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const message = F.oneOfList(allowed.join(', '));
    throw new ApiError(400, 'invalid_body', F.named(name, message), { [name]: message });
  }
  return value as T;
}

/** A form field holding JSON (source, licence), or absent. */
function jsonField(value: unknown, name: string): unknown {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new ApiError(400, 'invalid_body', F.named(name, F.jsonTextField), { [name]: F.mustBeJson });
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError(400, 'invalid_body', F.named(name, F.notValidJson), { [name]: F.notValidJson });
  }
}

const textField = (value: unknown, name: string, max = 100): string | null => {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || value.length > max) throw new ApiError(400, 'invalid_body', F.named(name, F.textOfAtMost(max)), { [name]: F.invalid });
  return value;
};

/**
 * /api/imports — bring a file of the province's data in: templates (public), upload → preview
 * (editors of the kind's programme), commit of exactly that preview, or discard. Uploads are
 * multipart/form-data; nothing uploaded is ever served back. A template's example row names one
 * of the served province's own communes, read from `data`.
 */
export function importRoutes(importer: Importer, { data }: Pick<RouteDeps, 'data'>) {
  const { limits } = importer;
  const uploadLimit = bodyLimit({
    // The file's limit plus room for the form's other fields.
    maxSize: limits.maxUploadBytes + 256 * 1024,
    onError: () => {
      throw new ApiError(413, 'file_too_large', I.uploadTooLarge(sizeText(limits.maxUploadBytes)));
    },
  });
  return new Hono<AuthEnv>()
    .use('*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .get('/kinds', (c) =>
      c.json({
        kinds: IMPORT_KINDS.map((kind) => ({
          kind,
          programme: IMPORT_PROGRAMMES[kind],
          formats: kind in TABLE_SPECS ? TABLE_FORMATS : MAP_FORMATS,
          templates: kind in TABLE_SPECS ? TABLE_FORMATS.map((f) => `/api/imports/templates/${kind}.${f}`) : [],
        })),
        crs: CRS_CHOICES.map((code) => ({ code, name: CRS_DEFINITIONS[code].name })),
        unitSets: UNIT_SETS,
        limits: { maxUploadBytes: limits.maxUploadBytes, maxRows: limits.maxRows, maxVertices: limits.maxVertices, maxShapeVertices: limits.maxShapeVertices },
      }),
    )
    .get('/templates/:file', async (c) => {
      const m = /^(ntm-recognitions|ocop-products)\.(csv|xlsx)$/.exec(c.req.param('file'));
      if (!m) throw new ApiError(404, 'not_found', I.noTemplate(c.req.param('file')));
      const spec = tableFor(TABLE_SPECS[m[1] as TableKind], data());
      const name = `${spec.fileStem}.${m[2]}`;
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      c.header('X-Content-Type-Options', 'nosniff');
      if (m[2] === 'csv') return c.body(templateCsv(spec), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      const bytes = await templateXlsx(spec);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    })
    .post('/', uploadLimit, async (c) => {
      const req = editRequest(c);
      const user = currentUser(c);
      const form = await c.req.parseBody().catch(() => {
        throw new ApiError(400, 'invalid_body', I.multipart);
      });
      const kind = oneOf<ImportKind>(form.kind, IMPORT_KINDS, 'kind');
      if (!kind) throw new ApiError(400, 'invalid_body', I.chooseKind(IMPORT_KINDS.join(', ')), { kind: F.required });
      checkImportRole(user, kind);
      const file = form.file;
      if (!(file instanceof File)) throw new ApiError(400, 'invalid_body', I.attachFile, { file: F.required });
      const preview = await importer.preview(
        req,
        {
          kind,
          fileName: (file.name || 'upload').normalize('NFC').slice(0, 200),
          bytes: new Uint8Array(await file.arrayBuffer()),
          crs: oneOf<CrsCode>(form.crs, CRS_CHOICES, 'crs'),
          layer: textField(form.layer, 'layer'),
          unitSet: oneOf<UnitSet>(form.unitSet, UNIT_SETS, 'unitSet'),
          codeField: textField(form.codeField, 'codeField'),
          legacyFont: oneOf<LegacyFont>(form.legacyFont, LEGACY_FONTS, 'legacyFont'),
          source: jsonField(form.source, 'source'),
          licence: jsonField(form.licence, 'licence'),
        },
        requestLang(c),
      );
      return c.json(preview, 201);
    })
    .get('/:id', (c) => c.json(importer.get(editRequest(c), c.req.param('id'), requestLang(c))))
    .post('/:id/commit', (c) => c.json(importer.commit(editRequest(c), c.req.param('id')), 201))
    .delete('/:id', (c) => {
      importer.discard(editRequest(c), c.req.param('id'));
      return c.body(null, 204);
    });
}
