import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { z } from 'zod';
import { type ImportCommitResponse, type ImportPreviewResponse, type importKindsResponse, mayImport } from '../../../server/catalog/imports.ts';
import { type BoundaryLicenceInputRaw, boundaryLicenceInput } from '../../../server/catalog/writes.ts';
import { LEGACY_FONT_NAMES, LEGACY_FONTS } from '../../../server/domain/legacy-fonts.ts';
import { ApiRequestError } from '../../api.ts';
import { importApi } from '../../api-imports.ts';
import { startLoading } from '../../state/data.ts';
import { setLabel } from '../../state/province.ts';
import { shownSet } from '../../state/derived.ts';
import { openAuditLog } from '../../state/editing.ts';
import { currentUser, isAdmin } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { Modal } from '../account/modal.tsx';
import { DateField, FieldError } from '../forms/fields.tsx';
import { type FieldErrors, validate } from '../forms/validate.ts';
import { formatDate, formatNumber, type StringKey, t } from '../i18n.ts';
import { actionLabel, entityLabel } from '../history/describe.ts';
import { changeWords, type PreviewRow, previewRows } from './preview-rows.ts';
import './imports.css';
import { te } from '../i18n-editing.ts';

type Kinds = z.infer<typeof importKindsResponse>;
type Kind = Kinds['kinds'][number]['kind'];

const kindLabel = (k: Kind) => `importKind_${k.replace('-', '_')}` as StringKey;
const TABLE_KINDS: Kind[] = ['ntm-recognitions', 'ocop-products'];

/**
 * The import page (editors): choose what the file holds, download the template, upload, pick
 * the coordinate system when the file does not say, see the preview — each row's errors beside
 * it, what will be added or changed — then commit, and see the batch it became. The server
 * checks everything again; nothing is written before "Commit".
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const l = lang.value;
  const kinds = useSignal<Kinds | null>(null);
  const kind = useSignal<Kind>('ntm-recognitions');
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const preview = useSignal<ImportPreviewResponse | null>(null);
  const result = useSignal<ImportCommitResponse | null>(null);
  const sourceDate = useSignal('');
  /** The shared source sent with the upload, shown in the preview: rows that name no source get it. */
  const shared = useSignal<SharedSource | null>(null);
  /** The file's layers (a GeoPackage's tables, a zip's shapefiles) when it holds several and one must be chosen: the server lists them (choose_layer). */
  const layers = useSignal<string[]>([]);
  /** What is wrong with the boundary licence, by its field (the API's schema, checked before the upload). */
  const licenceErrors = useSignal<FieldErrors>({});

  useEffect(() => {
    const ctrl = new AbortController();
    importApi
      .kinds(ctrl.signal)
      .then((k) => {
        // Only the kinds this account may import (the server's rule): no upload ends in a 403.
        const mine = k.kinds.filter((x) => mayImport(currentUser.peek(), x.kind));
        kinds.value = { ...k, kinds: mine };
        if (mine.length && !mine.some((x) => x.kind === kind.peek())) kind.value = mine[0].kind;
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') error.value = e.message;
      });
    return () => ctrl.abort();
  }, []);

  async function upload(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const out = new FormData();
    out.set('kind', kind.value);
    out.set('file', form.get('file') as File);
    shared.value = field('sourceTitle') || field('sourceUrl') ? { title: field('sourceTitle'), date: sourceDate.value, url: field('sourceUrl') || null } : null;
    if (shared.value) out.set('source', JSON.stringify({ ...shared.value, fileId: null }));
    for (const name of ['crs', 'unitSet', 'codeField', 'layer', 'legacyFont']) if (field(name)) out.set(name, field(name));
    if (kind.value === 'boundaries') {
      // The body the API takes (README: Importing), checked with the very schema the server checks it with.
      const licence: BoundaryLicenceInputRaw = {
        title: field('licenceTitle'),
        url: field('licenceUrl'),
        attribution: field('licenceAttribution'),
        termsVi: field('licenceTerms'),
        termsEn: field('licenceTermsEn'),
        redistributable: form.get('redistributable') === 'on',
      };
      const checked = validate(boundaryLicenceInput, licence, l);
      licenceErrors.value = checked.ok ? {} : checked.errors;
      if (!checked.ok) {
        error.value = te('fixFields', l);
        return;
      }
      out.set('licence', JSON.stringify(licence));
    }
    busy.value = true;
    error.value = null;
    try {
      preview.value = await importApi.preview(out);
    } catch (err) {
      error.value = (err as Error).message;
      // Several layers and none chosen (or one the file does not hold): offer the ones it has, then preview again.
      if (err instanceof ApiRequestError && err.code === 'choose_layer') layers.value = err.layers;
    } finally {
      busy.value = false;
    }
  }

  async function commit() {
    if (!preview.value) return;
    busy.value = true;
    error.value = null;
    try {
      result.value = await importApi.commit(preview.value.id);
      // The map, cards and counts show the import at once: the record is loaded again.
      startLoading({ shapesOf: shownSet.peek() });
      preview.value = null;
    } catch (err) {
      error.value = (err as Error).message;
    } finally {
      busy.value = false;
    }
  }

  function back() {
    if (preview.value) importApi.discard(preview.value.id).catch(() => {});
    preview.value = null;
    result.value = null;
  }

  const k = kinds.value;
  return (
    <Modal title={t('importTitle', l)} onClose={onClose} wide>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {result.value ? (
        <div class="import-result">
          <p>
            <strong>{t('importDone', l)}</strong>: {result.value.counts.create} {t('importCreate', l)}, {result.value.counts.update} {t('importUpdate', l)}.
          </p>
          <p>
            {t('importBatch', l)}: <code>{result.value.batchId}</code>
          </p>
          <button type="button" class="account-button" onClick={back}>
            {t('importAnother', l)}
          </button>{' '}
          {isAdmin.value && (
            <button
              type="button"
              class="account-button"
              onClick={() => {
                const batchId = result.value!.batchId;
                onClose();
                openAuditLog({ batchId });
              }}
            >
              {te('importInAuditLog', l)}
            </button>
          )}
        </div>
      ) : preview.value ? (
        <PreviewView preview={preview.value} shared={shared.value} busy={busy.value} onCommit={commit} onBack={back} />
      ) : (
        <form class="import-form" noValidate onSubmit={upload}>
          <label>
            <span>{t('importKind', l)}</span>
            <select value={kind.value} onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as Kind)}>
              {(k?.kinds ?? []).map((x) => (
                <option key={x.kind} value={x.kind}>
                  {t(kindLabel(x.kind), l)}
                </option>
              ))}
            </select>
          </label>
          {TABLE_KINDS.includes(kind.value) && (
            <p class="import-templates">
              {t('importTemplates', l)}:{' '}
              {k?.kinds
                .find((x) => x.kind === kind.value)
                ?.templates.map((href) => (
                  <a key={href} href={href} download>
                    {href.split('.').at(-1)!.toUpperCase()}
                  </a>
                ))}
            </p>
          )}
          <label>
            <span>{t('importFile', l)}</span>
            <input type="file" name="file" required onChange={() => (layers.value = [])} />
          </label>
          {layers.value.length > 0 && (
            <label>
              <span>{te('importLayer', l)}</span>
              <select name="layer" required>
                <option value="">{te('importLayerChoose', l)}</option>
                {layers.value.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <span>{te('importLegacyFont', l)}</span>
            {/* Text typed in TCVN3 or VNI is refused unless its font is chosen here: then converted, each value shown in the preview. */}
            <select name="legacyFont">
              <option value="">{te('importLegacyFontNone', l)}</option>
              {LEGACY_FONTS.map((f) => (
                <option key={f} value={f}>
                  {LEGACY_FONT_NAMES[f]}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('importSource', l)}</legend>
            <label>
              <span>{t('importSourceTitle', l)}</span>
              <input name="sourceTitle" />
            </label>
            <DateField name="sourceDate" label={t('importSourceDate', l)} value={sourceDate.value} onValue={(v) => (sourceDate.value = v)} />
            <label>
              <span>{t('importSourceUrl', l)}</span>
              <input name="sourceUrl" type="url" placeholder="https://" />
            </label>
          </fieldset>
          {!TABLE_KINDS.includes(kind.value) && (
            <label>
              <span>{t('importCrs', l)}</span>
              <select name="crs">
                <option value="">{t('importCrsFromFile', l)}</option>
                {(k?.crs ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} — {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind.value === 'boundaries' && (
            <fieldset>
              <legend>{t('importUnitSet', l)}</legend>
              <select name="unitSet" aria-label={t('importUnitSet', l)} required>
                {(k?.unitSets ?? []).map((s) => (
                  <option key={s} value={s}>
                    {setLabel(s, l)}
                  </option>
                ))}
              </select>
              <input name="codeField" placeholder={t('importCodeField', l)} aria-label={t('importCodeField', l)} />
              <LicenceInput name="licenceTitle" field="title" label={t('importLicenceTitle', l)} errors={licenceErrors.value} required />
              <LicenceInput name="licenceUrl" field="url" label={t('importLicenceUrl', l)} errors={licenceErrors.value} type="url" />
              <LicenceInput name="licenceAttribution" field="attribution" label={te('importLicenceAttribution', l)} errors={licenceErrors.value} />
              <LicenceInput name="licenceTerms" field="termsVi" label={t('importLicenceTerms', l)} errors={licenceErrors.value} required multiline />
              <LicenceInput name="licenceTermsEn" field="termsEn" label={te('importLicenceTermsEn', l)} errors={licenceErrors.value} multiline />
              <label class="inline">
                <input type="checkbox" name="redistributable" /> {t('importRedistributable', l)}
              </label>
            </fieldset>
          )}
          <button type="submit" class="primary" disabled={busy.value}>
            {busy.value ? t('importWorking', l) : t('importPreview', l)}
          </button>
        </form>
      )}
    </Modal>
  );
}

type SharedSource = { title: string; date: string; url: string | null };

/** One field of the boundary licence: its label as placeholder and accessible name, and what the schema says is wrong with it beside it. */
function LicenceInput({
  name,
  field,
  label,
  errors,
  required,
  multiline,
  type,
}: {
  name: string;
  field: keyof BoundaryLicenceInputRaw;
  label: string;
  errors: FieldErrors;
  required?: boolean;
  multiline?: boolean;
  type?: 'url';
}) {
  const error = errors[field];
  const errorId = `import-licence-${field}-error`;
  const a = { name, required, placeholder: label, 'aria-label': label, 'aria-invalid': !!error, 'aria-describedby': error ? errorId : undefined };
  return (
    <>
      {multiline ? <textarea {...a} /> : <input {...a} type={(type ?? 'text') as 'text'} />}
      <FieldError id={errorId} message={error} />
    </>
  );
}

function PreviewView({
  preview,
  shared,
  busy,
  onCommit,
  onBack,
}: {
  preview: ImportPreviewResponse;
  shared: SharedSource | null;
  busy: boolean;
  onCommit: () => void;
  onBack: () => void;
}) {
  const l = lang.value;
  const s = preview.summary;
  const rows = previewRows(preview);
  return (
    <div class="import-preview">
      <p class="import-summary">
        <strong>{preview.fileName}</strong> ({preview.format}
        {preview.layer ? `, ${preview.layer}` : ''}): {preview.rows} {t('importSummary', l)} — {s.create} {t('importCreate', l)}, {s.update}{' '}
        {t('importUpdate', l)}, {s.unchanged} {t('importUnchanged', l)},{' '}
        <span class={s.errors ? 'import-bad' : ''}>
          {s.errors} {t('importErrors', l)}
        </span>
      </p>
      <p class="import-shared-source">
        {shared ? (
          <>
            {t('importSharedSource', l)}: <strong>{shared.title}</strong>
            {shared.date && ` (${formatDate(shared.date, l)})`}
            {shared.url && (
              <>
                {' — '}
                <a href={shared.url} target="_blank" rel="noopener noreferrer">
                  {shared.url}
                </a>
              </>
            )}
          </>
        ) : (
          t('importNoSharedSource', l)
        )}
      </p>
      {preview.crs && (
        <p>
          {t('importCoordinates', l)}: {preview.crs.code} {preview.crs.name} ({preview.crs.said})
        </p>
      )}
      {preview.boundaries && (
        <details open>
          <summary>{t('importAreaChange', l)}</summary>
          <table class="import-table">
            <tbody>
              {preview.boundaries.units.map((u) => (
                <tr key={u.code}>
                  <td>{u.code}</td>
                  <td>{u.name}</td>
                  <td>
                    {formatNumber(u.areaBeforeKm2, l)} → {formatNumber(u.areaAfterKm2, l)} km²
                  </td>
                  <td class={Math.abs(u.changePct) >= 5 ? 'import-bad' : ''}>
                    {u.changeKm2 >= 0 ? '+' : ''}
                    {formatNumber(u.changeKm2, l)} km² ({u.changePct >= 0 ? '+' : ''}
                    {formatNumber(u.changePct, l)} %)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <table class="import-table">
        <thead>
          <tr>
            <th>{t('importRow', l)}</th>
            <th>{t('importResult', l)}</th>
            <th>{t('importDetails', l)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.row)} class={`import-${r.status}`}>
              <td>{r.row ?? t('importWholeFile', l)}</td>
              <td>
                {r.status === 'error'
                  ? t('importErrors', l)
                  : r.status === 'create'
                    ? t('importCreate', l)
                    : r.status === 'update'
                      ? t('importUpdate', l)
                      : r.status === 'warning'
                        ? t('importWarnings', l)
                        : t('importUnchanged', l)}
              </td>
              <td>
                {r.issues.map((i) => (
                  <div key={`${i.column}:${i.message}`} class="import-issue">
                    {i.column && <code>{i.column}</code>} {i.message}
                  </div>
                ))}
                {r.changes.map((c) => (
                  <PreviewChange key={`${c.entity}:${c.id}`} change={c} />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!preview.canCommit && s.errors > 0 && <p class="import-bad">{t('importFixFirst', l)}</p>}
      <div class="import-actions">
        <button type="button" class="account-button" onClick={onBack} disabled={busy}>
          {t('importBack', l)}
        </button>
        <button type="button" class="primary" onClick={onCommit} disabled={busy || !preview.canCommit}>
          {t('importCommit', l)}
        </button>
      </div>
    </div>
  );
}

/** One record the row adds or changes: its name, then each field before → after (the id muted, for the audit log). */
function PreviewChange({ change }: { change: PreviewRow['changes'][number] }) {
  const l = lang.value;
  const { title, fields } = changeWords(change, l);
  return (
    <div class="import-change">
      <div>
        {actionLabel(change.action, l)} · {entityLabel(change.entity, l)}: <strong>{title}</strong> <code class="muted">{change.id}</code>
      </div>
      {fields.map((f) => (
        <div key={f.label} class="import-field">
          <span class="muted">{f.label}:</span> {f.before !== null ? <del>{f.before}</del> : change.action !== 'create' && '—'}
          {(f.before !== null || change.action !== 'create') && ' → '}
          {f.after !== null ? <ins>{f.after}</ins> : '—'}
        </div>
      ))}
    </div>
  );
}
