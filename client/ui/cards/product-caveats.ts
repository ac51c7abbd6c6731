import type { Lang } from '../../lib/label.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { t } from '../i18n.ts';

/**
 * A product's caveats as its card shows them, in the active language: "Sources disagree" when the
 * sources disagree and no caveat of the research already says so ("Sources disagree on the
 * certification year (2019 vs 2020)…" says it, with the years), then each caveat. Pure.
 */
export function productCaveats(p: { disputed: boolean; caveats: readonly string[] }, l: Lang): { text: string; disputed: boolean }[] {
  const disputed = t('disputed', l);
  const caveats = p.caveats.map((c) => localizeStated(c, l) ?? c);
  const said = caveats.some((c) => c.startsWith(disputed));
  return [...(p.disputed && !said ? [{ text: disputed, disputed: true }] : []), ...caveats.map((text) => ({ text, disputed: text.startsWith(disputed) }))];
}
