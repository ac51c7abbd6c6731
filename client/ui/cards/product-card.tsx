import { OCOP_GROUP_LABELS } from '../../../server/domain/ocop.ts';
import { products, zones } from '../../state/data.ts';
import { lang } from '../../state/ui-state.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { Unknown } from '../help-link.tsx';
import { t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { ProductEditActions } from '../forms/edit-actions.tsx';
import { RecordHistory } from '../history/record-history.tsx';
import { CardFrame, Fact, Goto } from './card-frame.tsx';
import { CertificateStatus } from './certificate-status.tsx';
import { productCaveats } from './product-caveats.ts';

/** An OCOP product: producer and type, stars, group, year, place and its precision, sources. */
export function ProductCard({ id }: { id: string }) {
  const l = lang.value;
  const p = products.value?.features.find((f) => f.id === id)?.properties;
  if (!p) return null;
  const dependsOn = (zones.value?.features ?? []).filter((z) => z.properties.products.includes(id));
  const place =
    p.location === 'commune' ? (
      <>
        <Goto kind="commune" id={p.communeCode!}>
          {p.communeName}
        </Goto>
        , {p.districtName} — {t('placeCommune', l)}
      </>
    ) : p.location === 'district' ? (
      <>
        <Goto kind="district" id={p.districtCode!}>
          {p.districtName}
        </Goto>{' '}
        — {t('placeDistrict', l)}
      </>
    ) : (
      t('placeUnknown', l)
    );
  return (
    <CardFrame kind={t('product', l)} title={p.name}>
      <dl class="facts">
        <Fact term={t('producer', l)}>
          {p.producer ?? <Unknown />}
          {p.producerType && ` · ${t(`producerType_${p.producerType}`, l)}`}
        </Fact>
        <Fact term={t('stars', l)} inferred={p.inferred.includes('stars')}>
          {p.stars ? `${'★'.repeat(p.stars)} (${p.stars} ${t('starsValue', l)})` : <Unknown />}
        </Fact>
        <Fact term={t('group', l)} inferred={p.inferred.includes('group')}>
          {p.group ? `${p.group}. ${OCOP_GROUP_LABELS[p.group][l]}` : <Unknown />}
        </Fact>
        <Fact term={t('certified', l)}>{p.year ?? localizeStated(p.yearText, l) ?? <Unknown />}</Fact>
        {p.ratings.length > 1 && (
          <Fact term={t('ratings', l)}>{p.ratings.map((r) => `${r.stars}★ ${r.year ?? localizeStated(r.yearText, l) ?? ''}`).join(' → ')}</Fact>
        )}
        {p.expiryYear && <Fact term={t('expired', l)}>{p.expiryYear}</Fact>}
        <Fact term={t('place', l)} inferred={p.inferred.includes('location')}>
          {place}
        </Fact>
      </dl>
      <CertificateStatus product={p} />
      {productCaveats(p, l).map((c) => (
        <p class={c.disputed ? 'caveat disputed' : 'caveat'} key={c.text}>
          {c.text}
        </p>
      ))}
      {dependsOn.length > 0 && (
        <section>
          <h3>{t('zonesHere', l)}</h3>
          <ul class="plain">
            {dependsOn.map((z) => (
              <li key={z.id}>
                <Goto kind="zone" id={z.id}>
                  {z.properties.name}
                </Goto>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList sources={p.sources} />
      <ProductEditActions id={id} />
      <RecordHistory of={{ entity: 'product', entityId: id }} />
    </CardFrame>
  );
}
