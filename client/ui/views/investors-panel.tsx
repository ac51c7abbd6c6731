import { useState } from 'preact/hooks';
import { CROPS } from '../../../server/domain/crops.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { products } from '../../state/data.ts';
import { listedZones } from '../../state/derived.ts';
import { lang, select } from '../../state/ui-state.ts';
import { AddZoneButton } from '../forms/edit-actions.tsx';
import { Approx, HelpLink, Unknown } from '../help-link.tsx';
import { formatNumber, t } from '../i18n.ts';
import { CropTargets } from '../cards/crop-targets.tsx';

/** Investors: the raw-material zones, sortable by area or crop, with their producers and products. */
export function InvestorsPanel() {
  const l = lang.value;
  // Sorting is this list's own presentation, not shared state.
  const [sortBy, setSortBy] = useState<'area' | 'crop'>('area');
  const zones = [...listedZones.value].sort((a, b) =>
    sortBy === 'area'
      ? (b.properties.areaHa ?? -1) - (a.properties.areaHa ?? -1)
      : CROPS[a.properties.crop][l].localeCompare(CROPS[b.properties.crop][l], l) || a.properties.name.localeCompare(b.properties.name, 'vi'),
  );
  const productOf = (id: string) => products.value?.features.find((p) => p.id === id)?.properties;
  return (
    <section class="view-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('zonesList', l)}</h2>
      <AddZoneButton />
      {/* biome-ignore lint/a11y/useSemanticElements: a toolbar of two buttons; a fieldset would bring a legend and form styling */}
      <div class="sort" role="group" aria-label={t('sortBy', l)}>
        <span>{t('sortBy', l)}:</span>
        {(['area', 'crop'] as const).map((k) => (
          <button type="button" key={k} aria-pressed={sortBy === k} onClick={() => setSortBy(k)}>
            {t(k === 'area' ? 'sortArea' : 'sortCrop', l)}
          </button>
        ))}
      </div>
      <ul class="plain zone-list">
        {zones.map((z) => {
          const p = z.properties;
          const linked = p.productLinks.map((link) => productOf(link.id)).filter((x) => x !== undefined);
          const producers = [...new Set(linked.map((x) => x.producer).filter((x): x is string => x !== null))];
          return (
            <li key={z.id} class="zone-item">
              <div class="zone-head">
                <strong>{p.name}</strong>
                <button type="button" class="zoom-to" onClick={() => select({ kind: 'zone', id: z.id })}>
                  {t('zoomTo', l)}
                </button>
              </div>
              <p class="muted">
                {CROPS[p.crop][l]} ·{' '}
                {p.areaHa !== null ? (
                  <>
                    {p.areaApprox && <Approx />} {formatNumber(p.areaHa, l)} ha{p.year ? ` (${localizeStated(p.year, l)})` : ''}
                  </>
                ) : (
                  <>
                    {t('area', l)}: <Unknown />
                  </>
                )}{' '}
                · {p.extent === 'surveyed' ? t('extent_surveyed', l) : <HelpLink topic="approximate">{t(`shortExtent_${p.extent}`, l)}</HelpLink>}
              </p>
              <CropTargets zoneId={z.id} />
              {linked.length > 0 && (
                <p class="zone-links">
                  {linked.map((x) => x.name).join('; ')}
                  {producers.length > 0 && <span class="muted"> — {producers.join('; ')}</span>}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
