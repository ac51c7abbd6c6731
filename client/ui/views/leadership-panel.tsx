import { districtsLayer, inputFor, oldAsOf, stats } from '../../state/derived.ts';
import { districtCollection } from '../../../server/geo/districts.ts';
import { oldUnitSetOn } from '../../../server/domain/unit-sets.ts';
import { theProvince, tp } from '../../state/province.ts';
import { asOf, lang } from '../../state/ui-state.ts';
import { unitsLabel } from '../table/units-label.ts';
import { Goto } from '../cards/card-frame.tsx';
import { formatDate, statusLabel, t } from '../i18n.ts';
import { Pending } from '../pending.tsx';
import { SourceList } from '../sources.tsx';

/** Leadership: the districts without an NTM commune on the chosen date, with each one's nearest candidates. */
export function LeadershipPanel() {
  const l = lang.value;
  const s = stats.value;
  // After the merger the map shows the new units, but the question is about the last districts.
  const set = oldUnitSetOn(theProvince().unitSets, oldAsOf.value);
  const input = inputFor(set);
  const d = districtsLayer.value ?? (input ? districtCollection(input, oldAsOf.value) : null);
  if (!s || !d) return <Pending />;
  return (
    <section class="view-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('districtsWithoutNtm', l)}</h2>
      <p class="muted">
        {t('asOf', l)} {formatDate(oldAsOf.value, l)} · {unitsLabel(set, l)}
      </p>
      {asOf.value > oldAsOf.value && <p class="caveat">{tp('districtsAbolished', l)}</p>}
      <p class="provenance">{t('computedFromCommunes', l)}</p>
      {s.districtsWithoutNtm.length === 0 && <p>{t('allDistrictsHaveNtm', l)}</p>}
      <ul class="plain district-list" data-testid="districts-without-ntm">
        {s.districtsWithoutNtm.map((w) => {
          const props = d.features.find((f) => f.id === w.code)?.properties;
          return (
            <li key={w.code} class="district-item">
              <Goto kind="district" id={w.code} set={set}>
                <span class="district-name">{w.name}</span>
              </Goto>
              {props && (
                <span class="muted">
                  {' '}
                  · {props.communeCount} {t('communes', l)}
                </span>
              )}
              {props && props.noNtmSources.length > 0 && <SourceList sources={props.noNtmSources} title={false} />}
              <p class="candidates-title">{t('nearestCandidates', l)}:</p>
              {props?.nearestToNtm.length ? (
                <ol class="plain numbered">
                  {props.nearestToNtm.map((c) => (
                    <li key={c.code}>
                      <Goto kind="commune" id={c.code} set={set}>
                        {c.name}
                      </Goto>{' '}
                      <span class="muted">
                        {statusLabel(c.status as never, l)}
                        {c.progress ? ` · ${c.progress.met}/${c.progress.of} ${t('progressKnown', l)}${c.progress.year ? ` (${c.progress.year})` : ''}` : ''}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p class="muted">{t('noCandidates', l)}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
