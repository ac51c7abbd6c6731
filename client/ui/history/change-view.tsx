import type { HistoryEntryView } from '../../../server/catalog/audit.ts';
import { products } from '../../state/data.ts';
import { record } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, formatInstant, t } from '../i18n.ts';
import { actionLabel, changedFields, entityLabel, type Names } from './describe.ts';
import { te } from '../i18n-editing.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Unit names on the set a change was made on (products and zones live on the 2020–2025 units), product names, and the title of the source the change cites. */
function namesFor(unitSet: string | null, source: { id: number | null; title: string | null }): Names {
  const set = record.value?.units[unitSet === '2025' || unitSet === '2019' ? unitSet : '2020'];
  const units = new Map([...(set?.communes ?? []), ...(set?.districts ?? [])].map((u) => [u.code, `${u.type} ${u.name}`]));
  const names = new Map((products.value?.features ?? []).map((p) => [p.id, p.properties.name]));
  return {
    unit: (c) => (units.has(c) ? `${units.get(c)} (${c})` : c),
    product: (id) => names.get(id) ?? id,
    source: (id) => (id === source.id ? source.title : null),
  };
}

/** One change in readable words: action, date, reason, source, and each field before → after. */
export function ChangeView({ entry, who }: { entry: HistoryEntryView; who?: string }) {
  const l = lang.value;
  const names = namesFor(entry.unitSet, { id: entry.sourceId, title: entry.source?.title ?? null });
  const fields = changedFields(entry.entity, entry.before, entry.after, l, names);
  return (
    <div class={`change action-${entry.action}${entry.revertedBy !== null ? ' reverted' : ''}`} data-change={entry.id}>
      <p class="change-head">
        <strong>{actionLabel(entry.action, l)}</strong> · {entityLabel(entry.entity, l)} <code>{entry.entityId}</code>
        {entry.unitCode && ` · ${names.unit(entry.unitCode)}`} · <time dateTime={entry.at}>{formatInstant(entry.at, l)}</time>
        {who && <> · {who}</>}
        {entry.reverts !== null && (
          <span class="muted">
            {' '}
            · {te('revertsChange', l)} #{entry.reverts}
          </span>
        )}
        {entry.batchId && (
          <span class="muted">
            {' '}
            · {t('batch', l)} <code>{entry.batchId}</code>
          </span>
        )}
      </p>
      {entry.revertedBy !== null && <p class="muted small reverted-note">{te('revertedBy', l).replace('{id}', String(entry.revertedBy))}</p>}
      {fields.length > 0 && (
        <ul class="plain change-fields">
          {fields.map((f, i) => (
            <li key={`${f.label}-${i}`}>
              <span class="muted">{f.label}:</span> {f.before !== null && <del>{f.before}</del>}
              {f.before !== null && f.after !== null && ' → '}
              {f.after !== null ? <ins>{f.after}</ins> : <span class="muted"> → —</span>}
            </li>
          ))}
        </ul>
      )}
      {entry.reason && (
        <p class="change-reason">
          {te('reason', l)}: {entry.reason}
        </p>
      )}
      {entry.source && (
        <p class="change-source muted">
          {t('source', l)}: {entry.source.title}, {ISO_DATE.test(entry.source.date) ? formatDate(entry.source.date, l) : entry.source.date}
          {entry.source.url && (
            <>
              {' · '}
              <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
                {t('openSource', l)}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
