import type { Selection } from '../../lib/url-state.ts';
import { setLabel } from '../../state/province.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { CardFrame } from './card-frame.tsx';

/** A selection (from a link) that names nothing in the record: say what was asked for and what to do. */
export function NotFoundCard({ sel }: { sel: Selection }) {
  const l = lang.value;
  const set = setLabel(sel.set ?? '2020', l);
  const what = sel.kind === 'product' ? t('product', l) : sel.kind === 'zone' ? t('zone', l) : `${t(sel.kind, l)} (${set})`;
  return (
    <CardFrame kind={what} title={t('notFoundTitle', l)}>
      <p role="alert" data-testid="not-found">
        {t('notFoundBody', l).replace('{what}', what.toLowerCase()).replace('{id}', sel.id)}
      </p>
      <p class="muted">{t('notFoundHint', l)}</p>
    </CardFrame>
  );
}
