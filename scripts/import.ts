import type { RowIssueResponse } from '../server/catalog/imports.ts';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.ts';
import { canEdit, type Programme } from '../server/domain/access.ts';
import { loginSchema } from '../server/domain/accounts.ts';
import { UNIT_SETS, type UnitSet } from '../server/domain/unit-sets.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import { isEmpty } from '../server/db/seed.ts';
import { snapshots } from '../server/db/snapshot.ts';
import { createStore } from '../server/db/store.ts';
import { userQueries } from '../server/db/users.ts';
import type { EditRequest } from '../server/edits/index.ts';
import type { CrsCode } from '../server/geo/crs.ts';
import { LEGACY_FONTS, type LegacyFont } from '../server/domain/legacy-fonts.ts';
import { editRefused } from '../server/auth/authorize.ts';
import { ApiError } from '../server/http/errors.ts';
import { CRS_CHOICES } from '../server/imports/crs-choice.ts';
import { checkImportRole, createImporter } from '../server/imports/importer.ts';
import { IMPORT_KINDS, type ImportKind } from '../server/imports/plan.ts';

const USAGE = `Import a file into the NTM & OCOP map (database: DB_PATH, default data/app.db) — the same checks,
preview and commit as the app's import page.

  npm run import -- <file> --as <login> [--kind ${IMPORT_KINDS.join('|')}] [--dry-run]
      [--source-title "…" --source-date YYYY-MM-DD --source-url https://…]   one source for rows that name none
      [--crs EPSG:9205]            when a map file does not say its coordinate system
      [--layer name]               the GeoPackage table or the zip's shapefile, when it holds several
      [--legacy-font ${LEGACY_FONTS.join('|')}]   convert text typed in that old font (else it is refused)
      [--unit-set 2020 --code-field MA_XA --licence-title "…" --licence-terms "…" [--licence-url …]
       [--licence-terms-en "…"] [--licence-attribution "…"] [--redistributable]]   boundaries

--kind defaults to zones for map files; tables (.csv, .xlsx) need ntm-recognitions or ocop-products.
The preview is printed; without --dry-run the import is committed in one transaction (all or
nothing) as one import batch, which an admin can revert. --as names the user the changes are
logged under; they need the editor role with the kind's programme (or admin).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: 'string' },
    kind: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'source-title': { type: 'string' },
    'source-date': { type: 'string' },
    'source-url': { type: 'string' },
    crs: { type: 'string' },
    layer: { type: 'string' },
    'legacy-font': { type: 'string' },
    'unit-set': { type: 'string' },
    'code-field': { type: 'string' },
    'licence-title': { type: 'string' },
    'licence-url': { type: 'string' },
    'licence-terms': { type: 'string' },
    'licence-terms-en': { type: 'string' },
    'licence-attribution': { type: 'string' },
    redistributable: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(`${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

const issue = (i: RowIssueResponse) => `  ${i.row === null ? 'file' : `row ${i.row}`}${i.column ? `, ${i.column}` : ''}: ${i.message}`;

async function main() {
  if (values.help) usage();
  const [file] = positionals;
  if (!file || positionals.length > 1) usage('give one file to import');
  if (!values.as) usage('--as <login>: the user the changes are made as');
  const table = /\.(csv|xlsx)$/i.test(file);
  const kind = (values.kind ?? (table ? undefined : 'zones')) as ImportKind | undefined;
  if (!kind || !IMPORT_KINDS.includes(kind)) usage(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  if (values.crs && !(CRS_CHOICES as readonly string[]).includes(values.crs)) usage(`--crs must be one of ${CRS_CHOICES.join(', ')}`);
  if (values['legacy-font'] && !(LEGACY_FONTS as readonly string[]).includes(values['legacy-font'])) {
    usage(`--legacy-font must be one of ${LEGACY_FONTS.join(', ')}`);
  }
  if (values['unit-set'] && !(UNIT_SETS as readonly string[]).includes(values['unit-set'])) usage(`--unit-set must be one of ${UNIT_SETS.join(', ')}`);

  const config = readConfig();
  const db = openDatabase(config.dbPath);
  migrate(db);
  if (isEmpty(db)) usage(`${config.dbPath} holds no data yet: start the server once to seed it`);
  const login = loginSchema.safeParse(values.as);
  const user = login.success ? userQueries(db).credentials(login.data)?.user : undefined;
  if (!user || user.disabled) usage(`no active user ${values.as} (npm run user -- list)`);
  const req: EditRequest = {
    actor: { userId: user.id, login: user.login },
    authorize: (programme: Programme, unitSets, unit) => {
      if (!canEdit(user, programme, unit)) throw editRefused(user, programme, unitSets, unit);
    },
  };
  checkImportRole(user, kind);
  const store = createStore(db);
  const importer = createImporter({ db, data: snapshots(store, () => store.dataVersion()), limits: config.imports });
  const source =
    values['source-title'] || values['source-url']
      ? { title: values['source-title'] ?? '', date: values['source-date'] ?? '', url: values['source-url'] ?? null, fileId: null }
      : null;
  const licence =
    kind === 'boundaries'
      ? {
          title: values['licence-title'] ?? '',
          url: values['licence-url'] ?? '',
          attribution: values['licence-attribution'] ?? null,
          termsVi: values['licence-terms'] ?? '',
          termsEn: values['licence-terms-en'] ?? null,
          redistributable: values.redistributable,
        }
      : null;

  const preview = await importer.preview(req, {
    kind,
    fileName: basename(file).normalize('NFC'),
    bytes: new Uint8Array(readFileSync(file)),
    crs: (values.crs as CrsCode | undefined) ?? null,
    layer: values.layer ?? null,
    unitSet: (values['unit-set'] as UnitSet | undefined) ?? null,
    codeField: values['code-field'] ?? null,
    legacyFont: (values['legacy-font'] as LegacyFont | undefined) ?? null,
    source,
    licence,
  });
  const s = preview.summary;
  console.log(
    `${preview.fileName} (${preview.format}${preview.layer ? `, layer ${preview.layer}` : ''}): ${preview.rows} ${preview.rows === 1 ? 'row' : 'rows'} → ${s.create} to add, ${s.update} to change, ${s.unchanged} unchanged, ${s.errors} errors, ${s.warnings} warnings`,
  );
  if (preview.crs) console.log(`coordinates: ${preview.crs.code} ${preview.crs.name} (${preview.crs.from}: ${preview.crs.said})`);
  if (preview.errors.length) console.log(`errors:\n${preview.errors.map(issue).join('\n')}`);
  if (preview.warnings.length) console.log(`warnings:\n${preview.warnings.map(issue).join('\n')}`);
  for (const c of preview.changes.slice(0, 200)) {
    const fields = c.fields.map((f: { field: string }) => f.field).join(', ');
    console.log(`  ${c.action} ${c.entity} ${c.id}${c.rows.length ? ` (row ${c.rows.join(', ')})` : ''}${fields ? `: ${fields}` : ''}`);
  }
  if (preview.changes.length > 200) console.log(`  … and ${preview.changes.length - 200} more`);
  if (preview.boundaries) {
    for (const u of preview.boundaries.units)
      console.log(`  ${u.code} ${u.name}: ${u.areaBeforeKm2} → ${u.areaAfterKm2} km² (${u.changeKm2 >= 0 ? '+' : ''}${u.changePct} %)`);
  }
  if (!preview.canCommit) {
    console.error(preview.errors.length ? 'nothing imported: fix the errors and run again' : 'nothing to import');
    process.exitCode = preview.errors.length ? 1 : 0;
    return;
  }
  if (values['dry-run']) {
    console.log('dry run: nothing imported');
    return;
  }
  console.error(`committing ${preview.changes.length} changes in one transaction…`);
  const step = Math.max(1, Math.floor(preview.changes.length / 100));
  const result = importer.commit(req, preview.id, (done, total) => {
    if (done % step === 0 || done === total) console.error(`committing: ${done}/${total}`);
  });
  console.log(
    `imported: batch ${result.batchId} — ${result.counts.create} added, ${result.counts.update} changed (revert: POST /api/audit/batches/${result.batchId}/revert)`,
  );
  db.close();
}

main().catch((e) => {
  if (e instanceof ApiError) {
    console.error(`refused (${e.code}): ${e.message}`);
    if (e.cause !== undefined) console.error('cause:', e.cause);
    process.exit(1);
  }
  throw e;
});
