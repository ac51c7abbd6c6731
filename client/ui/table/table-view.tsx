import { useEffect, useRef, useState } from 'preact/hooks';
import { layerById } from '../../../server/catalog/layer-registry.ts';
import { record } from '../../state/derived.ts';
import { tableOpen } from '../../state/panels.ts';
import { isSelectedRow, tables } from '../../state/tables.ts';
import { lang, selection } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { DataTable } from './data-table.tsx';
import './table.css';

/**
 * The table view, below the map: one tab per visible layer's collection (the accessible
 * alternative to the map). Tabs follow the WAI-ARIA tabs pattern (arrow keys, Home, End); a
 * selection made on the map switches to the tab that holds it.
 */
export function TableView() {
  const l = lang.value;
  const list = tables.value;
  const [chosen, setChosen] = useState<string | null>(null);
  const tabs = useRef<HTMLDivElement>(null);
  const active = list.find((x) => x.collection.id === chosen) ?? list[0];

  const sel = selection.value;
  useEffect(() => {
    if (!sel || active?.rows.some((r) => isSelectedRow(active, r, sel))) return;
    const holder = list.find((x) => x.rows.some((r) => isSelectedRow(x, r, sel)));
    if (holder) setChosen(holder.collection.id);
  }, [sel, list]);

  const onKey = (e: KeyboardEvent) => {
    const i = active ? list.indexOf(active) : 0;
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const target = list[(next + list.length) % list.length];
    setChosen(target.collection.id);
    tabs.current?.querySelector<HTMLElement>(`[data-tab="${target.collection.id}"]`)?.focus();
  };

  return (
    <section class="table-view" aria-labelledby="table-view-title">
      <header class="table-view-header">
        <h2 id="table-view-title">{t('tableView', l)}</h2>
        <div class="table-tabs" role="tablist" aria-labelledby="table-view-title" ref={tabs} onKeyDown={onKey}>
          {list.map((x) => (
            <button
              type="button"
              role="tab"
              key={x.collection.id}
              id={`tab-${x.collection.id}`}
              data-tab={x.collection.id}
              aria-selected={x === active}
              aria-controls="table-panel"
              tabIndex={x === active ? 0 : -1}
              onClick={() => setChosen(x.collection.id)}
            >
              {layerById(x.layers[0]).title[l]} <span class="count">({x.rows.length})</span>
            </button>
          ))}
        </div>
        <button type="button" class="close" onClick={() => (tableOpen.value = false)} aria-label={t('closeTable', l)} title={t('closeTable', l)}>
          ×
        </button>
      </header>
      {active ? (
        <div id="table-panel" role="tabpanel" aria-labelledby={`tab-${active.collection.id}`}>
          <DataTable key={active.collection.id} table={active} />
        </div>
      ) : (
        <p class="muted">{record.value ? t('noTable', l) : t('tableLoading', l)}</p>
      )}
    </section>
  );
}
