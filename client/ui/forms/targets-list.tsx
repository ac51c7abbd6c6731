import { signal } from '@preact/signals';
import { timeline } from '../../state/data.ts';
import { editNotice, mayEditHere, openEditor } from '../../state/editing.ts';
import { currentUser } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, t } from '../i18n.ts';

/** Whether the list is open, kept outside it: the panel is drawn anew when the record reloads, and the list stays as the editor left it. */
const listOpen = signal(false);

/** The province's targets and reported totals, each editable, and a new one — for target editors, in the progress view. */
export function TargetsList() {
  const l = lang.value;
  if (!currentUser.value || !mayEditHere('targets')) return null;
  const targets = [...(timeline.value?.targets ?? [])].sort((a, b) => a.indicatorKey.localeCompare(b.indicatorKey) || a.id.localeCompare(b.id));
  return (
    <details class="edit-actions targets-list" open={listOpen.value} onToggle={(e) => (listOpen.value = e.currentTarget.open)}>
      <summary>
        {t('targetsEditable', l)} ({targets.length})
      </summary>
      {editNotice.value && (
        <p class="form-ok" role="status">
          {editNotice.value}
        </p>
      )}
      <button type="button" class="primary" onClick={() => openEditor({ kind: 'target', id: null })}>
        {t('addTarget', l)}
      </button>
      <ul class="plain">
        {targets.map((x) => (
          <li key={x.id} data-target={x.id}>
            <span>
              <strong>{x.indicator}</strong>
              <span class="muted">
                {' '}
                ·{' '}
                {[
                  x.target && `${t('target', l)} ${x.targetYear ?? ''}: ${x.target}`,
                  x.actual && `${t('reported', l)}: ${x.actual}${x.actualDate ? ` (${formatDate(x.actualDate, l)})` : ''}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <button type="button" class="link" onClick={() => openEditor({ kind: 'target', id: x.id })}>
              {t('edit', l)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
