import { batch, computed, signal } from '@preact/signals';
import type { Bounds } from '../layers/legend.ts';
import { nearestStop, timelineStops } from '../lib/timeline.ts';
import {
  type Calendar,
  type Camera,
  DEFAULT_CHOICES,
  decodeUrlState,
  langFromUrl,
  type HelpTopic,
  type LayerKey,
  placeSelection,
  type Selection,
  type UrlState,
  VIEW_LAYERS,
  todayIso,
  type View,
} from '../lib/url-state.ts';
import { theProvince } from './province.ts';

/**
 * What the user has chosen: view, date, layers, filters, selection, language, camera.
 * It starts from the URL once the province's dates are known (startFromUrl, before the map
 * renders) and is written back to it (state/url-sync.ts). Until then only the language, which
 * the login screen needs, is read from the URL.
 */
const search = typeof location === 'undefined' ? '' : location.search;
const neutral: UrlState = { ...DEFAULT_CHOICES, asOf: todayIso(), lang: langFromUrl(search) };

export const view = signal<View>(neutral.view);
export const asOf = signal(neutral.asOf);
export const unitChoice = signal(neutral.units);
export const layers = signal<LayerKey[]>(neutral.layers);
export const stars = signal(neutral.stars);
export const groups = signal(neutral.groups);
export const crops = signal(neutral.crops);
export const selection = signal<Selection | null>(neutral.selection);
export const lang = signal(neutral.lang);
export const camera = signal<Camera | null>(neutral.camera);
export const help = signal<HelpTopic | null>(neutral.help);

/** The part of the map in view, for legend counts; set by the map. */
export const viewBounds = signal<Bounds | null>(null);
/** What the pointer is over, for the tooltip; set by the map. */
export const hover = signal<{ x: number; y: number; target: Selection } | null>(null);
/** Bumped to ask the map to fly to the current selection. */
export const flyRequest = signal(0);
/** Whether the phone's bottom sheet is folded down to its handle. */
export const sheetFolded = signal(false);

export const urlState = computed<UrlState>(() => ({
  view: view.value,
  asOf: asOf.value,
  units: unitChoice.value,
  layers: layers.value,
  stars: stars.value,
  groups: groups.value,
  crops: crops.value,
  selection: selection.value,
  lang: lang.value,
  camera: camera.value,
  help: help.value,
}));

/** Takes the state from the page's URL, read with the province's dates (ui/app.tsx calls it once they are known). */
export function startFromUrl(calendar: Calendar) {
  applyUrlState(decodeUrlState(typeof location === 'undefined' ? '' : location.search, calendar));
}

export function applyUrlState(s: UrlState) {
  batch(() => {
    view.value = s.view;
    asOf.value = s.asOf;
    unitChoice.value = s.units;
    layers.value = s.layers;
    stars.value = s.stars;
    groups.value = s.groups;
    crops.value = s.crops;
    selection.value = s.selection;
    lang.value = s.lang;
    camera.value = s.camera;
    help.value = s.help;
  });
}

export function openView(v: View) {
  batch(() => {
    view.value = v;
    layers.value = VIEW_LAYERS[v];
    selection.value = null;
  });
}

export function toggleLayer(id: LayerKey, on: boolean) {
  layers.value = on ? [...new Set([...layers.value, id])] : layers.value.filter((l) => l !== id);
}

/**
 * Selects something, opens its card (unfolding the phone's sheet) and, unless it was picked on the
 * map, brings it into view. A unit is shown on its own unit set, on a date that set was in force
 * (lib/url-state.ts placeSelection).
 */
export function select(target: Selection | null, fly = true) {
  batch(() => {
    if (!target) {
      selection.value = null;
      return;
    }
    const placed = placeSelection(target, { asOf: asOf.value, units: unitChoice.value }, theProvince().unitSets);
    selection.value = placed.selection;
    asOf.value = placed.asOf;
    unitChoice.value = placed.units;
    sheetFolded.value = false;
    if (fly) flyRequest.value++;
  });
}

/** Opens the help page at a section; Back closes it again. */
export function openHelp(topic: HelpTopic = 'about') {
  help.value = topic;
}

/** The date the map showed before a chart preview began; null when nothing is previewed. */
let beforePreview: string | null = null;

/** Shows a date from a chart (hover, or arrow keys) without choosing it. */
export function previewDate(date: string) {
  beforePreview ??= asOf.peek();
  asOf.value = date;
}

/** Ends a preview: back to the date chosen before it. */
export function endPreview() {
  if (beforePreview !== null) asOf.value = beforePreview;
  beforePreview = null;
}

/** Keeps the previewed date (a click or Enter on the chart). */
export function commitPreview() {
  beforePreview = null;
}

/** Moves the date by a number of timeline stops (month ends), within the timeline's start → today. */
export function stepTime(by: number) {
  const stops = timelineStops(theProvince(), todayIso(), [asOf.peek()]);
  const i = nearestStop(stops, asOf.peek());
  asOf.value = stops[Math.max(0, Math.min(stops.length - 1, i + by))];
}
