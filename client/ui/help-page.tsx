import { useEffect, useRef } from 'preact/hooks';
import { indicatorLabel } from '../lib/indicators.ts';
import { localizeStated } from '../lib/stated-text.ts';
import { encodeUrlState, HELP_TOPICS, todayIso } from '../lib/url-state.ts';
import { boundaryLicences, products, zones } from '../state/data.ts';
import { chartData, record } from '../state/derived.ts';
import { CERTIFICATE_MONTHS } from '../../server/domain/ocop-as-of.ts';
import { boundaryLicenceGroups, theProvince, withProvince } from '../state/province.ts';
import { asOf, help, lang, urlState } from '../state/ui-state.ts';
import type { Lang } from '../lib/label.ts';
import { HELP_STRINGS, type HelpKey } from './help-text.ts';
import { formatDate, formatNumber, t } from './i18n.ts';
import { Pending } from './pending.tsx';
import { SourceList } from './sources.tsx';

/** The page's own text (help-text.ts, loaded with it), the province's words and any other values filled in. */
const h = (key: HelpKey, l: Lang, values: Record<string, string | number> = {}) =>
  withProvince(HELP_STRINGS[key][l], l, { certificateMonths: CERTIFICATE_MONTHS, ...values });

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
    if (!topic || !dialog.current) return;
    // The first topic opens the page at its top (title, close button, contents) with the focus on
    // the dialog, which its title names; any other topic is brought up and its heading focused.
    // Focus never scrolls by itself: a focused heading would be pulled to the top of the page.
    if (topic === HELP_TOPICS[0]) {
      dialog.current.scrollTop = 0;
      dialog.current.focus({ preventScroll: true });
      return;
    }
    const section = document.getElementById(`help-${topic}`);
    section?.scrollIntoView({ block: 'start' });
    (section?.querySelector('h3') ?? dialog.current).focus({ preventScroll: true });
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
          <button type="button" class="close" onClick={close} aria-label={h('helpClose', l)} title={h('helpClose', l)}>
            ×
          </button>
        </header>
        <nav aria-label={h('helpContents', l)}>
          <ul class="help-contents">
            {HELP_TOPICS.map((x) => (
              <li key={x}>
                <button type="button" class="link" aria-current={x === topic ? 'true' : undefined} onClick={() => (help.value = x)}>
                  {h(`help_${x}`, l)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {HELP_TOPICS.map((x) => (
          <section key={x} id={`help-${x}`} class={x === topic ? 'current' : ''}>
            <h3 tabIndex={-1}>{h(`help_${x}`, l)}</h3>
            <p>{h(`help_${x}Body`, l, x === 'units' ? unitCounts(l) : {})}</p>
            {x === 'coverage' && <Coverage />}
            {x === 'sources' && <Licences />}
            {x === 'cite' && <Citation />}
          </section>
        ))}
      </div>
    </div>
  );
}

/** What the units paragraph names: each set's counts from the record, the province's changes. */
function unitCounts(l: Lang): Record<string, string> {
  const p = theProvince();
  const units = record.value?.units;
  const n = (xs: readonly unknown[] | undefined) => (xs ? formatNumber(xs.length, l) : '…');
  return {
    districts2019: n(units?.['2019'].districts),
    communes2019: n(units?.['2019'].communes),
    districts2020: n(units?.['2020'].districts),
    communes2020: n(units?.['2020'].communes),
    units2025: n(units?.['2025'].communes),
    changeFrom: formatDate(p.unitSets['2020'].from, l),
    change2020: p.unitSets['2020'].change[l],
    change2025: p.unitSets['2025'].change[l],
  };
}

/**
 * The licences the province's data states for its boundaries, codes, facts and base map; once
 * official boundaries are imported for a unit set, theirs, each naming the sets it covers.
 */
function Licences() {
  const l = lang.value;
  const { boundaries, codes, facts, base } = theProvince().licences;
  const groups = boundaryLicenceGroups(boundaryLicences.value ?? {}, boundaries);
  const bySets = groups.length > 1 ? groups : [{ sets: [], licence: boundaries }];
  const items = [...bySets.map((g) => ({ x: g.licence, sets: g.sets })), ...[codes, facts, base].map((x) => ({ x, sets: [] }))];
  return (
    <>
      <p>{h('help_licencesIntro', l)}</p>
      <ul class="licences">
        {items.map(({ x, sets }) => (
          <li key={x.id}>
            {sets.length ? `${t('boundariesOf', l)} ${sets.join(', ')} — ` : ''}
            {x.url ? <a href={x.url}>{x.title}</a> : x.title}: {x.terms[l]}
          </li>
        ))}
      </ul>
    </>
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
        {h('help_coverageProducts', l)
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
  const url = `${location.origin}${location.pathname}${encodeUrlState({ ...urlState.value, help: null }, theProvince())}`;
  return (
    <p class="citation" data-testid="citation">
      {h('help_citation', l, { asOf: formatDate(asOf.value, l), url, today: formatDate(todayIso(), l) })}
    </p>
  );
}
