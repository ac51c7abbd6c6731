import { lazy, Suspense } from 'preact/compat';
import { loadError, loading } from '../state/data.ts';
import { editPanelKey } from '../state/editing.ts';
import { selectionExists } from '../state/derived.ts';
import { lang, selection, sheetFolded, view } from '../state/ui-state.ts';
import { CommuneCard } from './cards/commune-card.tsx';
import { DistrictCard } from './cards/district-card.tsx';
import { NewUnitCard } from './cards/new-unit-card.tsx';
import { NotFoundCard } from './cards/not-found-card.tsx';
import { ProductCard } from './cards/product-card.tsx';
import { ZoneCard } from './cards/zone-card.tsx';
import { t } from './i18n.ts';
import { Pending } from './pending.tsx';
import type { Selection } from '../lib/url-state.ts';
import { InvestorsPanel } from './views/investors-panel.tsx';
import { LeadershipPanel } from './views/leadership-panel.tsx';
import { ProgressPanel } from './views/progress-panel.tsx';

/** The editing forms load when one is first opened (their own chunk, with the write schemas). */
const EditPanel = lazy(() => import('./forms/edit-panel.tsx').then((m) => ({ default: m.EditPanel })));

/**
 * The side panel (a bottom sheet on phones): the card of the selection, else the panel of the
 * current view. A selection that names nothing in the record says so.
 */
export function SidePanel() {
  const sel = selection.value;
  const l = lang.value;
  const editKey = editPanelKey();
  const body = editKey ? (
    <Suspense fallback={<Pending />}>
      <EditPanel />
    </Suspense>
  ) : sel ? (
    <Card sel={sel} />
  ) : view.value === 'progress' ? (
    <ProgressPanel />
  ) : view.value === 'leadership' ? (
    <LeadershipPanel />
  ) : view.value === 'investors' ? (
    <InvestorsPanel />
  ) : null;
  if (!body) return null;
  const folded = sheetFolded.value;
  return (
    // Keyed by what it shows, so a new card starts at its top.
    <aside
      key={editKey ?? (sel ? `${sel.kind}:${sel.set ?? ''}:${sel.id}` : view.value)}
      class={`side-panel${folded ? ' folded' : ''}`}
      aria-label={t('menu', l)}
    >
      <button type="button" class="fold" aria-expanded={!folded} onClick={() => (sheetFolded.value = !folded)}>
        {folded ? t('unfold', l) : t('fold', l)}
      </button>
      {body}
    </aside>
  );
}

function Card({ sel }: { sel: Selection }) {
  if (loading.value || loadError.value) return <Pending />;
  if (!selectionExists(sel)) return <NotFoundCard sel={sel} />;
  if (sel.kind === 'commune') return sel.set === '2025' ? <NewUnitCard code={sel.id} /> : <CommuneCard code={sel.id} set={sel.set ?? '2020'} />;
  if (sel.kind === 'district') return <DistrictCard code={sel.id} set={sel.set === '2019' ? '2019' : '2020'} />;
  if (sel.kind === 'product') return <ProductCard id={sel.id} />;
  return <ZoneCard id={sel.id} />;
}
