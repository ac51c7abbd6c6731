import { signal } from '@preact/signals';
import type { Licence, Province } from '../../server/catalog/province.ts';
import { slugify } from '../../server/domain/text.ts';
import { api, type Config } from '../api.ts';
import type { UnitSet } from '../../server/domain/unit-sets.ts';
import { formatDate } from '../../server/messages/format.ts';
import type { Lang } from '../lib/label.ts';
import { unitSetLabel } from '../../server/messages/unit-set-label.ts';
import { fill, type StringKey, t } from '../ui/i18n.ts';

/**
 * The province the server's data is about (GET /api/config): its name, extent, unit sets and their
 * dates, licences. The app loads it before anything else and renders the map only once it is
 * here (ui/app.tsx), so everything below the gate reads it with `theProvince()`.
 */
export const province = signal<Province | null>(null);
export const provinceError = signal<string | null>(null);

/** The configuration asked for at start, beside the session; the first loadProvince takes it. */
let early: Promise<Config> | null = null;

/** Asks for the configuration now, while the session is asked for, rather than after it. */
export function prefetchConfig(): void {
  early = api.config();
  early.catch(() => undefined);
}

/** Loads the province (again, after a failure); `then` runs with the whole configuration once it is here, before the map renders. */
export function loadProvince(then: (c: Config) => void): () => void {
  const ctrl = new AbortController();
  provinceError.value = null;
  // Asked for early and refused (a private deployment before login), it is asked for again.
  const request = early ? early.catch(() => api.config(ctrl.signal)) : api.config(ctrl.signal);
  early = null;
  request
    .then((c) => {
      if (ctrl.signal.aborted) return;
      then(c);
      province.value = c.province;
    })
    .catch((e: Error) => {
      if (e.name !== 'AbortError') provinceError.value = e.message;
    });
  return () => ctrl.abort();
}

/** The loaded province; only code under the gate in ui/app.tsx calls it. */
export function theProvince(): Province {
  const p = province.value;
  if (!p) throw new Error('the province is read before GET /api/config answered');
  return p;
}

/**
 * The placeholders the interface's strings take from the province: its name, the old units' last
 * day, the new units' first day, the first set's last day.
 */
export function provinceWords(p: Province, lang: Lang): Record<string, string> {
  return {
    province: p.name,
    oldTo: formatDate(p.unitSets['2020'].to, lang),
    newFrom: formatDate(p.unitSets['2025'].from, lang),
    firstTo: formatDate(p.unitSets['2019'].to, lang),
  };
}

/** A unit set named by the province's dates: "đơn vị đến 31/12/2019". */
export function setLabel(set: UnitSet, lang: Lang): string {
  return unitSetLabel(set, theProvince().unitSets, lang);
}

/** The licence note under the legend, on the start screen and on a saved image: the shown boundaries' (the province's unless official ones were imported) and the base map's. */
export function licenceNote(lang: Lang, boundaries: Licence = theProvince().licences.boundaries): string {
  const { base } = theProvince().licences;
  return base.id === boundaries.id ? `${boundaries.note[lang]}.` : `${boundaries.note[lang]}; ${base.note[lang]}.`;
}

/**
 * The unit sets grouped by their boundaries' licence, in the sets' order: each set's own once
 * official boundaries are imported for it, the province's (GADM's) for the others — so a note
 * naming an import never hides the terms of the sets it did not replace.
 */
export function boundaryLicenceGroups(bySet: Partial<Record<UnitSet, Licence>>, provinceLicence: Licence): { sets: UnitSet[]; licence: Licence }[] {
  const groups = new Map<string, { sets: UnitSet[]; licence: Licence }>();
  for (const [set, licence = provinceLicence] of Object.entries(bySet) as [UnitSet, Licence | undefined][]) {
    const group = groups.get(licence.id) ?? { sets: [], licence };
    group.sets.push(set);
    groups.set(licence.id, group);
  }
  return [...groups.values()];
}

/** The province's name for file names, without diacritics: "Điện Biên" → "dien-bien". */
export function provinceSlug(): string {
  return slugify(theProvince().name);
}

/** A string of the interface with the province's words (and any other values) filled in. */
export function tp(key: StringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return withProvince(t(key, lang), lang, values);
}

/** Any text (the interface's, the help page's) with the province's words and any other values filled in. */
export function withProvince(text: string, lang: Lang, values: Record<string, string | number> = {}): string {
  return fill(text, { ...provinceWords(theProvince(), lang), ...values });
}
