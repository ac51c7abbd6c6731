import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { Goto } from './card-frame.tsx';

/** The OCOP products placed in a unit and the zones touching it, as links. */
export function ProductsAndZones({
  products: here,
  zones: touching,
}: {
  products: { id: string; properties: { name: string; stars: number | null } }[];
  zones: { id: string; properties: { name: string } }[];
}) {
  const l = lang.value;
  return (
    <>
      <section>
        <h3>
          {t('productsHere', l)} ({here.length})
        </h3>
        {here.length ? (
          <ul class="plain">
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
