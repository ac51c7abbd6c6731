import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntryView } from '../../../server/catalog/audit.ts';
import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import { recordHistory } from '../../api.ts';
import { products, timeline, zones } from '../../state/data.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';

/** How a change is shown: loaded with the first change to show (most units have none), not with the map. */
const ChangeView = lazy(() => import('./change-view.tsx').then((m) => ({ default: m.ChangeView })));

type Of = { unitSet: UnitSet; unitCode: string } | { entity: string; entityId: string };

/**
 * The changes made in the app to a unit's record (or to one product or zone), newest first:
 * GET /api/history. Read again whenever the loaded record changes (after a save or a revert).
 */
export function RecordHistory({ of }: { of: Of }) {
  const l = lang.value;
  const [entries, setEntries] = useState<HistoryEntryView[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const key = JSON.stringify(of);
  // The loaded record's identity changes after every save and revert: read the history again then.
  const version = [timeline.value, products.value, zones.value];
  useEffect(() => {
    const ctrl = new AbortController();
    recordHistory(of, ctrl.signal)
      .then((r) => setEntries(r.entries))
      .catch((e: Error) => e.name !== 'AbortError' && setFailed(e.message));
    return () => ctrl.abort();
  }, [key, ...version]);
  return (
    <section class="record-history" aria-label={t('changeHistory', l)}>
      <h3>{t('changeHistory', l)}</h3>
      {failed && <p class="form-error">{failed}</p>}
      {entries && entries.length === 0 && <p class="muted">{t('noChanges', l)}</p>}
      {entries && entries.length > 0 && (
        <Suspense fallback={null}>
          {entries.map((e) => (
            <ChangeView key={e.id} entry={e} />
          ))}
        </Suspense>
      )}
    </section>
  );
}
