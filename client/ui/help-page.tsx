import { useEffect, useRef } from 'preact/hooks';
import { indicatorLabel } from '../lib/indicators.ts';
import { localizeStated } from '../lib/stated-text.ts';
import { encodeUrlState, HELP_TOPICS, todayIso } from '../lib/url-state.ts';
import { products, zones } from '../state/data.ts';
import { chartData } from '../state/derived.ts';
import { asOf, help, lang, urlState } from '../state/ui-state.ts';
import { formatDate, formatNumber, type StringKey, t } from './i18n.ts';
import { Pending } from './pending.tsx';
import { SourceList } from './sources.tsx';

/**
 * "Giới thiệu / Phương pháp": what each status and figure means, the as-of rule, the unit sets and
 * the merger, coverage against the official totals (computed from the record), sources and
 * licences, how to cite, and the keys. Opened from the header and from every "Chưa rõ" and
 * "khoảng" mark, at the section that explains it; Back or Close returns to the map.
 */
export function HelpPage() {
  const topic = help.value;
  const l = lang.value;
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!topic) return;
    const section = document.getElementById(`help-${topic}`);
    section?.scrollIntoView({ block: 'start' });
    (section?.querySelector('h3') ?? dialog.current)?.focus();
  }, [topic]);
  if (!topic) return null;
  const close = () => (help.value = null);
  return (
    <div
      class="help-page"
      role="dialog"
      aria-modal="true"
      aria-labelledby="help-title"
      ref={dialog}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <div class="help-box">
        <header class="help-header">
          <h2 id="help-title">{t('helpTitle', l)}</h2>
          <button type="button" class="close" onClick={close} aria-label={t('helpClose', l)} title={t('helpClose', l)}>
            ×
          </button>
        </header>
        <nav aria-label={t('helpContents', l)}>
          <ul class="help-contents">
            {HELP_TOPICS.map((x) => (
              <li key={x}>
                <button type="button" class="link" aria-current={x === topic ? 'true' : undefined} onClick={() => (help.value = x)}>
                  {t(`help_${x}` as StringKey, l)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {HELP_TOPICS.map((x) => (
          <section key={x} id={`help-${x}`} class={x === topic ? 'current' : ''}>
            <h3 tabIndex={-1}>{t(`help_${x}` as StringKey, l)}</h3>
            <p>{t(`help_${x}Body` as StringKey, l)}</p>
            {x === 'coverage' && <Coverage />}
            {x === 'sources' && <p>{t('help_licences', l)}</p>}
            {x === 'cite' && <Citation />}
          </section>
        ))}
      </div>
    </div>
  );
}

/** Our record beside the latest reported total of each indicator, on the report's date, with its source. */
function Coverage() {
  const l = lang.value;
  const data = chartData.value;
  const p = products.value?.features ?? [];
  if (!data) return <Pending />;
  const latest = ['ntm-standard-communes', 'ntm-standard-or-basic-communes', 'ocop-products'].map(
    (key) => data.reported.filter((r) => r.indicatorKey === key).at(-1)!,
  );
  return (
    <>
      <table class="counts coverage" data-testid="coverage">
        <thead>
          <tr>
            <th scope="col">{t('indicator', l)}</th>
            <th scope="col">{t('ourRecord', l)}</th>
            <th scope="col">{t('reported', l)}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((r) => (
            <tr key={r.indicatorKey}>
              <th scope="row">
                {indicatorLabel(r.indicatorKey)[l]}, {formatDate(r.date, l)}
              </th>
              <td>{formatNumber(r.record, l)}</td>
              <td>
                {localizeStated(r.target.actual, l)}
                <SourceList sources={r.sources} title={false} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('help_coverageProducts', l)
          .replace('{named}', formatNumber(p.length, l))
          .replace('{commune}', formatNumber(p.filter((x) => x.properties.location === 'commune').length, l))
          .replace('{district}', formatNumber(p.filter((x) => x.properties.location === 'district').length, l))
          .replace('{unknown}', formatNumber(p.filter((x) => x.geometry === null).length, l))
          .replace('{zones}', formatNumber(zones.value?.features.length ?? 0, l))}
      </p>
    </>
  );
}

/** A citation of the map as it is now, with the link that reopens it (without the help page). */
function Citation() {
  const l = lang.value;
  const url = `${location.origin}${location.pathname}${encodeUrlState({ ...urlState.value, help: null })}`;
  return (
    <p class="citation" data-testid="citation">
      {t('help_citation', l).replace('{asOf}', formatDate(asOf.value, l)).replace('{url}', url).replace('{today}', formatDate(todayIso(), l))}
    </p>
  );
}
