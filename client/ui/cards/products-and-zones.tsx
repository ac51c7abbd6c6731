import { lang } from '../../state/ui-state.ts';
import { formatDate, formatNumber, t } from '../i18n.ts';
import { Goto } from './card-frame.tsx';

/**
 * The OCOP products of a unit certified on the card's date and the zones touching it, as links;
 * products certified later or expired by then are counted, not listed.
 */
export function ProductsAndZones({
  products: here,
  zones: touching,
  date,
  notCertified = 0,
}: {
  products: { id: string; properties: { name: string; stars: number | null } }[];
  zones: { id: string; properties: { name: string } }[];
  date: string;
  notCertified?: number;
}) {
  const l = lang.value;
  return (
    <>
      <section>
        <h3>
          {t('productsHere', l)} ({here.length})
        </h3>
        <p class="muted small">
          {t('certifiedOn', l).replace('{date}', formatDate(date, l))}
          {notCertified > 0 && ` · ${t('notCertifiedOn', l).replace('{n}', formatNumber(notCertified, l))}`}
        </p>
        {here.length ? (
          <ul class="plain" data-testid="card-products">
            {here.map((p) => (
              <li key={p.id}>
                <Goto kind="product" id={p.id}>
                  {p.properties.name}
                </Goto>{' '}
                {p.properties.stars ? `${p.properties.stars}★` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('none', l)}</p>
        )}
      </section>
      <section>
        <h3>
          {t('zonesHere', l)} ({touching.length})
        </h3>
        {touching.length ? (
          <ul class="plain">
            {touching.map((z) => (
              <li key={z.id}>
                <Goto kind="zone" id={z.id}>
                  {z.properties.name}
                </Goto>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('none', l)}</p>
        )}
      </section>
    </>
  );
}
