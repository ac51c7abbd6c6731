import { CROPS } from '../../../server/domain/crops.ts';
import { AREA_MISMATCH_FACTOR, approximateHa, areasDisagree } from '../../../server/domain/zone-area.ts';
import { products, zones } from '../../state/data.ts';
import { record } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { Approx, HelpLink, Unknown } from '../help-link.tsx';
import { formatNumber, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { factAreaText } from '../zone-facts.ts';
import { ZoneEditActions } from '../forms/edit-actions.tsx';
import { RecordHistory } from '../history/record-history.tsx';
import { CardFrame, Fact, Goto } from './card-frame.tsx';
import { CropTargets } from './crop-targets.tsx';

/** A raw-material zone: crop, area and its year, communes, linked producers and products, how approximate, sources. */
export function ZoneCard({ id }: { id: string }) {
  const l = lang.value;
  const z = zones.value?.features.find((f) => f.id === id)?.properties;
  if (!z) return null;
  const communeName = new Map((record.value?.units['2020'].communes ?? []).map((c) => [c.code, c.name]));
  const linked = z.productLinks.map((link) => ({ link, product: products.value?.features.find((p) => p.id === link.id)?.properties }));
  return (
    <CardFrame kind={`${t('zone', l)} · ${CROPS[z.crop][l]}`} title={z.name}>
      <dl class="facts">
        <Fact term={t('area', l)}>
          {z.areaHa !== null ? (
            <>
              {z.areaApprox && <Approx />} {formatNumber(z.areaHa, l)} {t('hectares', l)}
            </>
          ) : (
            <Unknown />
          )}
          {z.areaText && ` (${t('asStated', l)}: “${localizeStated(z.areaText, l)}”${z.year ? `, ${localizeStated(z.year, l)}` : ''})`}
          {z.areaHa !== null && z.shapeAreaHa !== null && areasDisagree(z.areaHa, z.shapeAreaHa) && <MeasuredArea ha={z.shapeAreaHa} />}
        </Fact>
        <Fact term={t('shape', l)}>
          {z.extent === 'surveyed' ? t('extent_surveyed', l) : <HelpLink topic="approximate">{t(`extent_${z.extent}`, l)}</HelpLink>}
        </Fact>
        <Fact term={t('communesTerm', l)}>
          {z.communeCodes.map((c, i) => (
            <span key={c}>
              {i > 0 && ', '}
              <Goto kind="commune" id={c}>
                {communeName.get(c) ?? c}
              </Goto>
            </span>
          ))}
        </Fact>
      </dl>
      <CropTargets zoneId={z.id} />
      <section>
        <h3>{t('linkedProducts', l)}</h3>
        {linked.length ? (
          <ul class="plain">
            {linked.map(({ link, product }) => (
              <li key={link.id}>
                <Goto kind="product" id={link.id}>
                  {product?.name ?? link.id}
                </Goto>
                {product?.stars ? ` ${product.stars}★` : ''}
                {product?.producer && <span class="muted"> · {product.producer}</span>}
                {!link.confirmed && <span class="inferred"> ({t('linkUnconfirmed', l)})</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('none', l)}</p>
        )}
      </section>
      <section>
        <h3>{t('zoneFacts', l)}</h3>
        <ul class="plain zone-facts">
          {z.facts.map((f, i) => (
            <li key={i}>
              <p>
                {factAreaText(f, l) ?? t('noAreaGiven', l)}
                {f.year ? ` · ${localizeStated(f.year, l)}` : ''} · <span class="muted">{localizeStated(f.place, l)}</span>
              </p>
              <SourceList sources={[f.source]} title={false} />
            </li>
          ))}
        </ul>
      </section>
      <ZoneEditActions id={id} />
      <RecordHistory of={{ entity: 'zone', entityId: id }} />
    </CardFrame>
  );
}

/** A surveyed outline's measured area, shown where it contradicts the stated one: approximate, and not a source's figure. */
function MeasuredArea({ ha }: { ha: number }) {
  const l = lang.value;
  return (
    <span class="caveat-inline" data-testid="measured-area">
      {' · '}
      {t('measuredOnShape', l).replace('{value}', formatNumber(approximateHa(ha), l))}{' '}
      <span class="muted">({t('measuredOnShapeNote', l).replace('{factor}', formatNumber(AREA_MISMATCH_FACTOR, l))})</span>
    </span>
  );
}
