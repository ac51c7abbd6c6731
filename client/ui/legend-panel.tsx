import { theProvince, tp } from '../state/province.ts';
import { CROPS, CROP_CODES } from '../../server/domain/crops.ts';
import { OCOP_GROUPS, OCOP_STARS, type OcopGroup, type OcopStars } from '../../server/domain/ocop.ts';
import type { Crop } from '../../server/domain/crops.ts';
import { type DataKey, REGISTRY } from '../../server/catalog/layer-registry.ts';
import type { Signal } from '@preact/signals';
import { type Legend, legendProvenance } from '../layers/legend.ts';
import { useEffect, useRef } from 'preact/hooks';
import { loadError } from '../state/data.ts';
import { editForm } from '../state/editing.ts';
import { legends, record } from '../state/derived.ts';
import { crops, groups, lang, layers, stars, toggleLayer } from '../state/ui-state.ts';
import { formatNumber, t } from './i18n.ts';
import { Swatch } from './swatch.tsx';
import { LicenceNote } from './licence-note.tsx';

/** Layers of units only one kind of unit set has: the hint their empty legend gives instead of zero counts. */
const ONLY_ON: Partial<Record<DataKey, 'onlyNewUnits' | 'onlyOldUnits'>> = { newUnits: 'onlyNewUnits', districts: 'onlyOldUnits' };

/** On a phone the legend starts folded, so the map shows. */
const WIDE = typeof matchMedia === 'undefined' || matchMedia('(min-width: 700px)').matches;

/**
 * Layer toggles, the legend of each visible layer and the filters, all from the registry. Counts
 * say what they count: the whole province, or "in view / province" when part of it is out of view;
 * until the record has loaded (or when it failed to) they show nothing rather than zeros.
 */
export function LegendPanel() {
  const l = lang.value;
  const details = useRef<HTMLDetailsElement>(null);
  // On a phone an editing form (and the map it picks or draws on) needs the room: the legend folds.
  const editing = editForm.value !== null;
  useEffect(() => {
    if (!editing) return;
    const narrow = matchMedia('(max-width: 699px)');
    const fold = () => {
      if (narrow.matches && details.current) details.current.open = false;
    };
    fold();
    narrow.addEventListener('change', fold);
    return () => narrow.removeEventListener('change', fold);
  }, [editing]);
  return (
    <details class="legend-panel" open={WIDE} ref={details}>
      <summary>{t('legend', l)}</summary>
      {REGISTRY.map((layer) => {
        const on = layers.value.includes(layer.id);
        const legend = legends.value.find((x) => x.layer.id === layer.id);
        // A layer of units the set on screen does not have (new units before the reform, districts after it).
        const hint = ONLY_ON[layer.data];
        const absent = on && !!record.value && !!hint && !!legend && legend.entries.every((e) => e.total === 0);
        return (
          <section class="legend-layer" key={layer.id}>
            <label class="toggle">
              <input type="checkbox" checked={on} onChange={(e) => toggleLayer(layer.id, (e.target as HTMLInputElement).checked)} />
              <span>{layer.title[l]}</span>
            </label>
            {absent && <p class="muted small">{tp(hint, l)}</p>}
            {on && legend && !absent && (
              <>
                {legend.entries.length > 0 && <p class="count-head muted small">{countHead(legend)}</p>}
                <ul class="legend-entries">
                  {legend.entries
                    .filter((e) => e.key !== 'unknown' || e.total > 0)
                    .map((e) => (
                      <li key={e.key} data-class={e.key}>
                        <Swatch color={e.color} />
                        <span class="entry-label">{e.label[l]}</span>
                        <Count legend={legend} count={e.count} total={e.total} />
                      </li>
                    ))}
                  {legend.marks.map(({ mark, count, total }) => (
                    <li key={mark.id} data-mark={mark.id}>
                      <Swatch color={mark.color} mark={mark.swatch} />
                      <span class="entry-label">{mark.label[l]}</span>
                      <Count legend={legend} count={count} total={total} />
                    </li>
                  ))}
                </ul>
                {layer.size && <p class="muted small">{layer.size.label[l]}</p>}
                {legend.unplaced > 0 && !!record.value && (
                  <p class="muted small">
                    + {formatNumber(legend.unplaced, l)} {t('unplaced', l)}
                  </p>
                )}
                {layer.id === 'ocop-products' && (
                  <>
                    <Checks legend={t('stars', l)} options={OCOP_STARS} value={stars} label={(s) => `${s}★`} />
                    <Checks legend={t('group', l)} options={OCOP_GROUPS} value={groups} label={(g) => g} />
                  </>
                )}
                {layer.id === 'zones' && <Checks legend={t('crop', l)} options={CROP_CODES} value={crops} label={(c) => CROPS[c as Crop][l]} />}
                <p class="provenance">{legendProvenance(legend, theProvince().unitSets, l)}</p>
              </>
            )}
          </section>
        );
      })}
      <LicenceNote />
    </details>
  );
}

function countHead(legend: Legend): string {
  const l = lang.value;
  if (!record.value) return t(loadError.value ? 'loadFailed' : 'loading', l);
  return legend.partial ? t('countInViewOfTotal', l) : t('countWhole', l);
}

/** A class's count: in view and in the whole province when they differ; nothing while loading. */
function Count({ legend, count, total }: { legend: Legend; count: number; total: number }) {
  const l = lang.value;
  if (!record.value) return <span class="count" aria-hidden="true" />;
  return <span class="count">{legend.partial ? `${formatNumber(count, l)} / ${formatNumber(total, l)}` : formatNumber(total, l)}</span>;
}

/** A filter as checkboxes; none checked means all. */
function Checks<T extends OcopStars | OcopGroup | Crop>({
  legend,
  options,
  value,
  label,
}: {
  legend: string;
  options: readonly T[];
  value: Signal<T[]>;
  label: (v: T) => string;
}) {
  return (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o)}>
          <input
            type="checkbox"
            checked={value.value.includes(o)}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              value.value = on ? [...value.value, o] : value.value.filter((v) => v !== o);
            }}
          />
          {label(o)}
        </label>
      ))}
    </fieldset>
  );
}
