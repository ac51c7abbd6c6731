import { signal } from '@preact/signals';
import { loadError } from '../state/data.ts';
import { lang, selection, view } from '../state/ui-state.ts';
import { CommuneCard } from './cards/commune-card.tsx';
import { DistrictCard } from './cards/district-card.tsx';
import { NewUnitCard } from './cards/new-unit-card.tsx';
import { ProductCard } from './cards/product-card.tsx';
import { ZoneCard } from './cards/zone-card.tsx';
import { EditPanel, editPanelKey } from './forms/edit-panel.tsx';
import { t } from './i18n.ts';
import { InvestorsPanel } from './views/investors-panel.tsx';
import { LeadershipPanel } from './views/leadership-panel.tsx';
import { ProgressPanel } from './views/progress-panel.tsx';

/** Whether the panel is folded down (phones: the map shows above a short sheet). */
const folded = signal(false);

/** The side panel: the card of the selection, else the panel of the current view. */
export function SidePanel() {
  const sel = selection.value;
  const l = lang.value;
  const editKey = editPanelKey();
  const body = editKey ? (
    <EditPanel />
  ) : sel ? (
    sel.kind === 'commune' ? (
      sel.set === '2025' ? (
        <NewUnitCard code={sel.id} />
      ) : (
        <CommuneCard code={sel.id} set={sel.set ?? '2020'} />
      )
    ) : sel.kind === 'district' ? (
      <DistrictCard code={sel.id} set={sel.set === '2019' ? '2019' : '2020'} />
    ) : sel.kind === 'product' ? (
      <ProductCard id={sel.id} />
    ) : (
      <ZoneCard id={sel.id} />
    )
  ) : view.value === 'progress' ? (
    <ProgressPanel />
  ) : view.value === 'leadership' ? (
    <LeadershipPanel />
  ) : view.value === 'investors' ? (
    <InvestorsPanel />
  ) : null;
  if (!body && !loadError.value) return null;
  return (
    // Keyed by what it shows, so a new card starts at its top.
    <aside
      key={editKey ?? (sel ? `${sel.kind}:${sel.set ?? ''}:${sel.id}` : view.value)}
      class={`side-panel${folded.value ? ' folded' : ''}`}
      aria-label={t('menu', l)}
    >
      <button type="button" class="fold" aria-expanded={!folded.value} onClick={() => (folded.value = !folded.value)}>
        {folded.value ? t('unfold', l) : t('fold', l)}
      </button>
      {loadError.value && (
        <p class="error" role="alert">
          {t('loadFailed', l)}: {loadError.value}
        </p>
      )}
      {body}
    </aside>
  );
}
