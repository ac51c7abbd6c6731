import { batch, computed, signal } from '@preact/signals';
import type { Bounds } from '../layers/legend.ts';
import { type Camera, decodeUrlState, type LayerKey, type Selection, shownSetFor, type UrlState, VIEW_LAYERS, type View } from '../lib/url-state.ts';

/**
 * What the user has chosen: view, date, layers, filters, selection, language, camera.
 * It starts from the URL and is written back to it (state/url-sync.ts).
 */
const initial = decodeUrlState(typeof location === 'undefined' ? '' : location.search);

export const view = signal<View>(initial.view);
export const asOf = signal(initial.asOf);
export const unitChoice = signal(initial.units);
export const layers = signal<LayerKey[]>(initial.layers);
export const stars = signal(initial.stars);
export const groups = signal(initial.groups);
export const crops = signal(initial.crops);
export const selection = signal<Selection | null>(initial.selection);
export const lang = signal(initial.lang);
export const camera = signal<Camera | null>(initial.camera);

/** The part of the map in view, for legend counts; set by the map. */
export const viewBounds = signal<Bounds | null>(null);
/** What the pointer is over, for the tooltip; set by the map. */
export const hover = signal<{ x: number; y: number; target: Selection } | null>(null);
/** Bumped to ask the map to fly to the current selection. */
export const flyRequest = signal(0);

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
}));

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
 * Selects something and, unless it was picked on the map, brings it into view; a unit of
 * another unit set switches the map to that set.
 */
export function select(target: Selection | null, fly = true) {
  batch(() => {
    selection.value = target;
    if (target?.set && target.set !== shownSetFor(unitChoice.value, asOf.value)) unitChoice.value = target.set === '2025' ? 'new' : 'old';
    if (target && fly) flyRequest.value++;
  });
}
