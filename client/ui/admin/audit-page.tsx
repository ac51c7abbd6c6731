import { useEffect, useState } from 'preact/hooks';
import { AUDIT_KINDS, type AuditEntryView, actorName, isAccountEntity } from '../../../server/catalog/audit.ts';
import { type AuditFilter, editApi } from '../../api-edits.ts';
import { reload, startLoading } from '../../state/data.ts';
import { shownSet } from '../../state/derived.ts';
import { setLabel } from '../../state/province.ts';
import { auditStart } from '../../state/editing.ts';
import { lang } from '../../state/ui-state.ts';
import { Modal } from '../account/modal.tsx';
import { DateField } from '../forms/fields.tsx';
import { serverErrors } from '../forms/validate.ts';
import { ChangeView } from '../history/change-view.tsx';
import { t } from '../i18n.ts';
import { entityLabel } from '../history/describe.ts';
import { te } from '../i18n-editing.ts';

const PAGE = 50;

/** What the admin is reverting: one change, or a whole import batch. */
type Reverting = { kind: 'change'; id: number } | { kind: 'batch'; batchId: string };

/**
 * The admin's audit log: recent changes with filters (kind of record, account or API token, user, unit, since, import
 * batch), older pages, and revert of one change or a whole import batch with a reason. A revert
 * the server refuses (409: already reverted, or changed again since) is shown beside the change.
 */
export function AuditPage({ onClose }: { onClose: () => void }) {
  const l = lang.value;
  const [filter, setFilter] = useState<AuditFilter>(() => auditStart.peek());
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [more, setMore] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string; at?: string } | null>(null);
  const [reverting, setReverting] = useState<Reverting | null>(null);
  const [reason, setReason] = useState('');
  const [since, setSince] = useState(filter.since ?? '');
  const load = async (f: AuditFilter, append: boolean) => {
    try {
      const before = append ? entries.at(-1)?.id : undefined;
      const r = await editApi.audit({ ...f, before, limit: PAGE });
      setEntries(append ? [...entries, ...r.entries] : r.entries);
      setMore(r.entries.length === PAGE);
    } catch (err) {
      setNote({ ok: false, text: serverErrors(err, l).message });
    }
  };
  useEffect(() => {
    load(filter, false);
  }, []);
  const applyFilters = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const f: AuditFilter = {};
    for (const k of ['entity', 'user', 'unitSet', 'unitCode', 'batchId'] as const) {
      const v = String(form.get(k) ?? '').trim();
      if (v) f[k] = v;
    }
    // The date field holds the date as ISO (its text is the interface's dd/mm/yyyy).
    if (since) f.since = since;
    setFilter(f);
    load(f, false);
  };
  const revert = async () => {
    if (!reverting) return;
    const at = reverting.kind === 'change' ? `change-${reverting.id}` : `batch-${reverting.batchId}`;
    if (reason.trim() === '') {
      setNote({ ok: false, text: te('errReason', l), at });
      return;
    }
    try {
      if (reverting.kind === 'change') await editApi.revertChange(reverting.id, reason);
      else {
        const r = await editApi.revertBatch(reverting.batchId, reason);
        setNote({ ok: true, text: te('batchReverted', l).replace('{n}', String(r.reverted)), at });
      }
      if (reverting.kind === 'change') setNote({ ok: true, text: te('changeReverted', l), at });
      setReverting(null);
      setReason('');
      await Promise.all([load(filter, false), refreshAfterRevert(reverting)]);
    } catch (err) {
      // A refused revert (409: already reverted, or changed again since) is explained by the server, in the admin's language.
      setNote({ ok: false, text: serverErrors(err, l).message, at });
    }
  };
  /**
   * The map, cards and counts show the revert at once. Boundaries (a unit's shape, or an import
   * batch, which may have replaced a unit set's) need the whole record loaded again.
   */
  const refreshAfterRevert = (r: Reverting) =>
    r.kind === 'batch' || entries.find((x) => x.id === r.id)?.entity === 'unit'
      ? startLoading({ shapesOf: shownSet.peek() })
      : reload(['timeline', 'products', 'zones']);
  const noteAt = (at: string) =>
    note?.at === at && (
      <p class={note.ok ? 'form-ok' : 'form-error revert-refused'} role={note.ok ? 'status' : 'alert'}>
        {note.text}
      </p>
    );
  const revertForm = (at: string) => (
    <form
      class="account-form inline revert-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        revert();
      }}
    >
      <label>
        {te('revertReason', l)}
        <input name="reason" value={reason} required maxLength={1000} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="primary danger">
        {te('confirmRevert', l)}
      </button>
      <button type="button" class="account-button" onClick={() => setReverting(null)}>
        {t('cancel', l)}
      </button>
      {noteAt(at)}
    </form>
  );
  return (
    <Modal title={t('auditLog', l)} onClose={onClose} wide>
      <p class="muted small">{te('auditIntro', l)}</p>
      <form class="account-form inline audit-filters" noValidate onSubmit={applyFilters}>
        <label>
          {te('recordKind', l)}
          <select name="entity" value={filter.entity ?? ''}>
            <option value="">{t('all', l)}</option>
            {AUDIT_KINDS.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e, l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('loginName', l)}
          <input name="user" value={filter.user ?? ''} size={12} />
        </label>
        <label>
          {te('unitSetLabel', l)}
          <select name="unitSet" value={filter.unitSet ?? ''}>
            <option value="">{t('all', l)}</option>
            <option value="2020">{setLabel('2020', l)}</option>
            <option value="2025">{setLabel('2025', l)}</option>
            <option value="2019">{setLabel('2019', l)}</option>
          </select>
        </label>
        <label>
          {te('unitCode', l)}
          <input name="unitCode" value={filter.unitCode ?? ''} size={6} inputMode="numeric" pattern="\d{3}|\d{5}" />
        </label>
        <DateField name="since" label={te('sinceDate', l)} value={since} onValue={setSince} />
        <label>
          {t('batch', l)}
          <input name="batchId" value={filter.batchId ?? ''} size={12} />
        </label>
        <button type="submit" class="primary">
          {te('filter', l)}
        </button>
      </form>
      {note && !note.at && (
        <p class={note.ok ? 'form-ok' : 'form-error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      {entries.length === 0 && <p class="muted">{t('noChanges', l)}</p>}
      <ol class="plain audit-entries">
        {entries.map((e) => (
          <li key={e.id} class="audit-entry" data-entry={e.id}>
            <span class="entry-id">#{e.id}</span>
            <ChangeView entry={e} who={actorName(e, l)} />
            {/* A change to an account or a token (not a record) is not reverted: the admin changes it again, the user creates a new token. */}
            {e.action !== 'revert' && e.revertedBy === null && !isAccountEntity(e.entity) && (
              <div class="row-actions">
                <button
                  type="button"
                  class="account-button"
                  onClick={() => {
                    setNote(null);
                    setReverting({ kind: 'change', id: e.id });
                  }}
                >
                  {te('revertChange', l)}
                </button>
                {e.batchId && (
                  <button
                    type="button"
                    class="account-button"
                    onClick={() => {
                      setNote(null);
                      setReverting({ kind: 'batch', batchId: e.batchId! });
                    }}
                  >
                    {te('revertBatch', l)}
                  </button>
                )}
              </div>
            )}
            {reverting?.kind === 'change' && reverting.id === e.id && revertForm(`change-${e.id}`)}
            {reverting?.kind === 'batch' &&
              reverting.batchId === e.batchId &&
              entries.find((x) => x.batchId === e.batchId)?.id === e.id &&
              revertForm(`batch-${e.batchId}`)}
            {!reverting && noteAt(`change-${e.id}`)}
            {!reverting && e.batchId && entries.find((x) => x.batchId === e.batchId)?.id === e.id && noteAt(`batch-${e.batchId}`)}
          </li>
        ))}
      </ol>
      {more && (
        <button type="button" class="account-button" onClick={() => load(filter, true)}>
          {te('olderChanges', l)}
        </button>
      )}
    </Modal>
  );
}
