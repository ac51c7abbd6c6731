import type { ComponentChildren } from 'preact';
import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import { lang, select } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';

/** The frame of every card: a kind, a heading, a close button, and the content. */
export function CardFrame({ kind, title, children }: { kind: string; title: string; children: ComponentChildren }) {
  return (
    <article class="card" aria-labelledby="card-title">
      <header class="card-header">
        <div>
          <p class="card-kind">{kind}</p>
          <h2 id="card-title">{title}</h2>
        </div>
        <button type="button" class="close" onClick={() => select(null)} aria-label={t('close', lang.value)} title={t('close', lang.value)}>
          ×
        </button>
      </header>
      {children}
    </article>
  );
}

/** A term and its value; `inferred` adds the visible note that a source did not state it. */
export function Fact({ term, children, inferred = false }: { term: string; children: ComponentChildren; inferred?: boolean }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>
        {children}
        {inferred && <span class="inferred"> ({t('inferred', lang.value)})</span>}
      </dd>
    </>
  );
}

/** A link-like button that selects another feature and flies to it; units name their set. */
export function Goto({
  kind,
  id,
  set,
  children,
}: {
  kind: 'commune' | 'district' | 'product' | 'zone';
  id: string;
  set?: UnitSet;
  children: ComponentChildren;
}) {
  return (
    <button type="button" class="link" onClick={() => select({ kind, id, ...(kind === 'commune' || kind === 'district' ? { set: set ?? '2020' } : {}) })}>
      {children}
    </button>
  );
}
