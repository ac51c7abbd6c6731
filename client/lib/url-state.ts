import { CROP_CODES, type Crop } from '../../server/domain/crops.ts';
import { isIsoDate, type IsoDate, provinceDate } from '../../server/domain/dates.ts';
import { OCOP_GROUPS, OCOP_STARS, type OcopGroup, type OcopStars } from '../../server/domain/ocop.ts';
import type { Province } from '../../server/catalog/province.ts';
import type { UnitSet, UnitSetPeriods } from '../../server/domain/unit-sets.ts';
import { lastDayOfOldUnits, oldUnitSetOn, UNIT_SETS, unitSetOn } from '../../server/domain/unit-sets.ts';
import type { Lang } from './label.ts';

/** The province's dates the URL's defaults and bounds come from. */
export type Calendar = Pick<Province, 'programmeStart' | 'timelineStart' | 'unitSets'>;

/**
 * The state that matters, in the URL: a copied link reopens the same map. Pure encode/decode;
 * anything malformed in a URL falls back to its default instead of breaking the page.
 */
export const VIEWS = ['start', 'progress', 'leadership', 'investors'] as const;
export type View = (typeof VIEWS)[number];
export const SELECTION_KINDS = ['commune', 'district', 'product', 'zone'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
/**
 * What is selected. Communes and districts carry their unit set: old and new codes collide
 * (the 2025 units reuse old codes for other places), so a code alone never names a unit.
 */
export interface Selection {
  kind: SelectionKind;
  id: string;
  set?: UnitSet;
}
/** Which units the map shows: those in force on the date, the old ones, or the new ones. */
export const UNIT_CHOICES = ['auto', 'old', 'new'] as const;
export type UnitChoice = (typeof UNIT_CHOICES)[number];
export const LAYER_KEYS = ['ntm-communes', 'ntm-new-units', 'ntm-districts', 'ocop-products', 'zones', 'labels'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Sections of the help page ("Giới thiệu / Phương pháp") a link can open at. */
export const HELP_TOPICS = ['about', 'statuses', 'as-of', 'units', 'coverage', 'approximate', 'unknown', 'sources', 'cite', 'keys'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  view: View;
  asOf: IsoDate;
  units: UnitChoice;
  layers: LayerKey[];
  stars: OcopStars[];
  groups: OcopGroup[];
  crops: Crop[];
  selection: Selection | null;
  lang: Lang;
  camera: Camera | null;
  /** The help page, open at a section, over the map. */
  help: HelpTopic | null;
}

/**
 * The quick-jump dates: the end of each year from the timeline's start while the old units were
 * in force, the dates the province reported totals for (`reported`), the last day of the old
 * units, and the first of the new ones.
 */
export function asOfChoices(calendar: Calendar, reported: readonly IsoDate[] = []): IsoDate[] {
  const last = lastDayOfOldUnits(calendar.unitSets);
  const years: IsoDate[] = [];
  for (let y = Number(calendar.timelineStart.slice(0, 4)); `${y}-12-31` < last; y++) years.push(`${y}-12-31`);
  const inRange = reported.filter((d) => d >= calendar.timelineStart && d < last);
  return [...new Set([...years, ...inRange, last, calendar.unitSets['2025'].from])].sort();
}

/** The date the map opens at: the old units' last day, the latest date with statuses to show. */
export function defaultAsOf(calendar: Calendar): IsoDate {
  return lastDayOfOldUnits(calendar.unitSets);
}

/** Today in the province (Vietnam, UTC+7), whatever the reader's clock zone: between 00:00 and 07:00 there UTC is still yesterday. */
export function todayIso(now: Date = new Date()): IsoDate {
  return provinceDate(now);
}

/** Which layers each entry view opens with. */
export const VIEW_LAYERS: Record<View, LayerKey[]> = {
  start: ['ntm-communes', 'ntm-new-units', 'labels'],
  progress: ['ntm-communes', 'ntm-new-units', 'labels'],
  leadership: ['ntm-districts', 'labels'],
  investors: ['zones', 'ocop-products', 'labels'],
};

/**
 * The view a link that selects something but names no view opens on: the one whose layers show
 * it, never the start screen over its card (`/?sel=commune:2025:03328` from the README).
 */
export const VIEW_OF_SELECTION: Record<SelectionKind, Exclude<View, 'start'>> = {
  commune: 'progress',
  district: 'leadership',
  product: 'investors',
  zone: 'investors',
};

/** The defaults of everything but the date and the language. */
export const DEFAULT_CHOICES: Omit<UrlState, 'asOf' | 'lang'> = {
  view: 'start',
  units: 'auto',
  layers: VIEW_LAYERS.start,
  stars: [],
  groups: [],
  crops: [],
  selection: null,
  camera: null,
  help: null,
};

/** The state of a URL with no query: the start screen at the province's default date, in Vietnamese. */
export const defaultState = (calendar: Calendar): UrlState => ({ ...DEFAULT_CHOICES, asOf: defaultAsOf(calendar), lang: 'vi' });

const list = <T extends string | number>(raw: string | null, allowed: readonly T[]): T[] =>
  raw
    ? [
        ...new Set(
          raw
            .split(',')
            .map((v) => allowed.find((a) => String(a) === v))
            .filter((v): v is T => v !== undefined),
        ),
      ]
    : [];

/** The state a query string names; anything malformed or out of the province's dates takes its default. */
export function decodeUrlState(search: string, calendar: Calendar, today: IsoDate = todayIso()): UrlState {
  const q = new URLSearchParams(search);
  const selection = decodeSelection(q.get('sel') ?? '');
  const named = (VIEWS as readonly string[]).includes(q.get('view') ?? '') ? (q.get('view') as View) : null;
  const view = named ?? (selection ? VIEW_OF_SELECTION[selection.kind] : 'start');
  const asOfRaw = q.get('asOf') ?? '';
  const cam = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(q.get('map') ?? '');
  return {
    view,
    asOf: isIsoDate(asOfRaw) && asOfRaw >= calendar.programmeStart && asOfRaw <= today ? asOfRaw : defaultAsOf(calendar),
    units: (UNIT_CHOICES as readonly string[]).includes(q.get('units') ?? '') ? (q.get('units') as UnitChoice) : 'auto',
    layers: q.has('layers') ? list(q.get('layers'), LAYER_KEYS) : VIEW_LAYERS[view],
    stars: list(q.get('stars'), OCOP_STARS),
    groups: list(q.get('groups'), OCOP_GROUPS),
    crops: list(q.get('crops'), CROP_CODES),
    selection,
    lang: langFromUrl(search),
    camera: cam ? { zoom: Number(cam[1]), lat: Number(cam[2]), lon: Number(cam[3]) } : null,
    help: (HELP_TOPICS as readonly string[]).includes(q.get('help') ?? '') ? (q.get('help') as HelpTopic) : null,
  };
}

/** The language a query string names (Vietnamese unless `lang=en`). */
export function langFromUrl(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'vi';
}

/** The query string for a state; values equal to their default are left out. */
export function encodeUrlState(s: UrlState, calendar: Calendar): string {
  const q = new URLSearchParams();
  // Without `view`, a selection opens its own view (VIEW_OF_SELECTION): the start screen is then named.
  if (s.view !== 'start' || s.selection) q.set('view', s.view);
  if (s.asOf !== defaultAsOf(calendar)) q.set('asOf', s.asOf);
  if (s.units !== 'auto') q.set('units', s.units);
  const defaultLayers = VIEW_LAYERS[s.view];
  const sorted = (xs: readonly LayerKey[]) => [...xs].sort().join(',');
  if (sorted(s.layers) !== sorted(defaultLayers)) q.set('layers', LAYER_KEYS.filter((k) => s.layers.includes(k)).join(','));
  if (s.stars.length) q.set('stars', [...s.stars].sort().join(','));
  if (s.groups.length) q.set('groups', OCOP_GROUPS.filter((g) => s.groups.includes(g)).join(','));
  if (s.crops.length) q.set('crops', CROP_CODES.filter((c) => s.crops.includes(c)).join(','));
  if (s.selection) q.set('sel', encodeSelection(s.selection));
  if (s.lang !== 'vi') q.set('lang', s.lang);
  if (s.help) q.set('help', s.help);
  if (s.camera) q.set('map', `${s.camera.zoom.toFixed(2)}/${s.camera.lat.toFixed(4)}/${s.camera.lon.toFixed(4)}`);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** "commune:2025:03328" names the set with the code; "product:mat-ong-hoa-ban" needs none. */
export function encodeSelection(s: Selection): string {
  return s.kind === 'commune' || s.kind === 'district' ? `${s.kind}:${s.set ?? '2020'}:${s.id}` : `${s.kind}:${s.id}`;
}

/** A unit's selection as encodeSelection writes it: its kind, one of UNIT_SETS (2020 when absent) and its code. */
const UNIT_SELECTION = new RegExp(`^(commune|district):(?:(${UNIT_SETS.join('|')}):)?(\\d{3}|\\d{5})$`);

function decodeSelection(raw: string): Selection | null {
  const unit = UNIT_SELECTION.exec(raw);
  if (unit) {
    const set = (unit[2] ?? '2020') as UnitSet;
    if (unit[1] === 'district' && (set === '2025' || unit[3].length !== 3)) return null;
    if (unit[1] === 'commune' && unit[3].length !== 5) return null;
    return { kind: unit[1] as SelectionKind, id: unit[3], set };
  }
  const thing = /^(product|zone):([a-z0-9-]+)$/.exec(raw);
  return thing ? { kind: thing[1] as SelectionKind, id: thing[2] } : null;
}

/** The unit set the map shows for a choice and a date. */
export function shownSetFor(choice: UnitChoice, date: IsoDate, periods: UnitSetPeriods): UnitSet {
  return choice === 'new' ? '2025' : choice === 'old' ? oldUnitSetOn(periods, date) : unitSetOn(periods, date);
}

/**
 * Where a chosen unit can be shown: on its own unit set at a date that set was in force. A commune
 * of the first set at a later date moves the map to that set's last day; a 2020–2025 unit before
 * the 2020 change is the same code on the first set; a 2025 unit shows on the new units at any date.
 */
export function placeSelection(
  target: Selection,
  state: { asOf: IsoDate; units: UnitChoice },
  periods: UnitSetPeriods,
): { selection: Selection; asOf: IsoDate; units: UnitChoice } {
  if (target.kind !== 'commune' && target.kind !== 'district') return { selection: target, ...state };
  const set = target.set ?? '2020';
  const shown = (choice: UnitChoice, date: IsoDate) => shownSetFor(choice, date, periods);
  if (set === '2025') return { selection: target, asOf: state.asOf, units: shown(state.units, state.asOf) === '2025' ? state.units : 'new' };
  if (set === '2020' && state.asOf < periods['2020'].from!) return placeSelection({ ...target, set: '2019' }, state, periods);
  const asOf = set === '2019' && state.asOf > periods['2019'].to! ? periods['2019'].to! : state.asOf;
  const units = shown(state.units, asOf) === set ? state.units : 'old';
  return { selection: { ...target, set }, asOf, units };
}
