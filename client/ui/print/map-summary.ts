import { defaultBoundaryLicences, type Licence, resolveLicences } from '../../../server/catalog/licences.ts';
import type { Legend } from '../../layers/legend.ts';
import type { Lang } from '../../lib/label.ts';
import { boundaryLicences } from '../../state/data.ts';
import { legends, oldAsOf, shownSet } from '../../state/derived.ts';
import { customTitle } from '../../state/panels.ts';
import { shown } from '../../state/tables.ts';
import { theProvince, tp } from '../../state/province.ts';
import { asOf, view } from '../../state/ui-state.ts';
import { formatDate, t, tf } from '../i18n.ts';
import { unitsLabel } from '../table/units-label.ts';

/**
 * What a printed or saved map says besides the map: its title, the date and units it is of, the
 * legend of the layers drawn, and the licences and sources of what they draw. Print and PNG both
 * read these, from the same state as the screen.
 */

const VIEW_TITLES = { progress: 'viewProgress', leadership: 'viewLeadership', investors: 'viewInvestors' } as const;

/** The user's title, else the view's name and the province. */
export function mapTitle(lang: Lang): string {
  if (customTitle.value?.trim()) return customTitle.value.trim();
  const v = view.value;
  if (v === 'start') return tp('appTitle', lang);
  const name = theProvince().name;
  return `${t(VIEW_TITLES[v], lang)} — ${lang === 'vi' ? `tỉnh ${name}` : `${name} province`}`;
}

/** "Tính đến 30/06/2021 · Đơn vị hành chính 2020–2025 (…)", saying when old units are read at their last day. */
export function mapSubtitle(lang: Lang): string {
  const set = shownSet.value;
  const date = `${t('asOf', lang)} ${formatDate(asOf.value, lang)}`;
  const old = set !== '2025' && oldAsOf.value !== asOf.value ? ` (${tf('oldUnitsAt', lang, { date: formatDate(oldAsOf.value, lang) })})` : '';
  return `${date}${old} · ${unitsLabel(set, lang)}`;
}

/** Legends of the layers the map draws (a visible layer with nothing to draw on these units has none). */
export function drawnLegends(): Legend[] {
  const drawn = new Set(shown.value.flatMap((s) => s.layers));
  return legends.value.filter((x) => drawn.has(x.layer.id));
}

/**
 * Licences of the collections drawn, each once: the province's data says which licence each kind
 * of content carries; a unit set's boundaries carry official ones' once imported.
 */
export function drawnLicences(): Licence[] {
  const province = theProvince();
  const ctx = { province, boundaryLicences: boundaryLicences.value ?? defaultBoundaryLicences(province) };
  const found = new Map<string, Licence>();
  for (const s of shown.value) {
    for (const l of resolveLicences(s.collection.licences, s.collection.unitSet ?? shownSet.value, ctx)) if (!found.has(l.id)) found.set(l.id, l);
  }
  return [...found.values()];
}

/** One line per licence and for the base map's own layers. */
export function licenceLines(lang: Lang): string[] {
  const base = theProvince().licences.base;
  return [...[...drawnLicences(), base].map((l) => `${l.title}: ${l.terms[lang]}${l.url ? ` (${l.url})` : ''}`), t('recordNote', lang)];
}
