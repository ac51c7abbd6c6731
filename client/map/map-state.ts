import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { MultiPolygon, Polygon } from 'geojson';
import { computed, signal, untracked } from '@preact/signals';
import type { DeckInput } from '../layers/deck-layers.ts';
import { type SourceStates, shapesOf, stateProperties, statesOf } from '../layers/feature-states.ts';
import { LAYER_IDS, type LayerId } from '../../server/catalog/layer-registry.ts';
import { buildStyle, overlayDrawsDistrictNames, overlayDrawsSelection } from '../layers/style.ts';
import { base, basemap, boundaryLicences } from '../state/data.ts';
import { communesLayer, districtsLayer, expiredProducts, newUnitsLayer, shapedRecord, shownSet, visibleProducts, drawnZones } from '../state/derived.ts';
import { mapTool } from '../state/editing.ts';
import { theProvince } from '../state/province.ts';
import { lang, layers, selection } from '../state/ui-state.ts';
import { mapFonts } from './fonts.ts';

/**
 * The map's look for the current state, read by the live map and by snapshots (print, PNG), so a
 * printed map is drawn from exactly what the screen shows. Reading it inside an effect subscribes
 * to every signal it depends on.
 */

/** The selected commune or district, when it belongs to the unit set on the map. */
function selectedUnit(): { kind: 'commune' | 'district'; code: string } | null {
  const s = selection.value;
  if (!s || (s.kind !== 'commune' && s.kind !== 'district') || (s.set ?? '2020') !== shownSet.value) return null;
  return { kind: s.kind, code: s.id };
}

/** Whether the bold Noto Sans is loaded: deck.gl draws district names from it into a font atlas once. */
const boldFontReady = signal(false);

/** Starts loading the bold label font (once); district names move into the overlay when it is ready. */
export function loadLabelFont(): void {
  if (boldFontReady.peek()) return;
  document.fonts.load('700 16px "Noto Sans"', 'ĐƯỜNG TỈNH MẪU ẢNH').then(() => {
    boldFontReady.value = true;
  });
}

/** Width of a text in the bold label font, in pixels. */
function measureBold(): (text: string, size: number) => number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (text, size) => {
    ctx.font = `700 ${size}px "Noto Sans", sans-serif`;
    return ctx.measureText(text).width * 1.02;
  };
}
let measure: ((text: string, size: number) => number) | null = null;

/**
 * The shown units' shapes: rebuilt when the unit set or the record changes, never at a step in
 * time (the layers read at any date have the same shapes, names and label points).
 */
const shapes = computed(() => {
  shownSet.value;
  shapedRecord.value;
  return untracked(() => ({ communes: shapesOf(communesLayer.value), newUnits: shapesOf(newUnitsLayer.value), districts: shapesOf(districtsLayer.value) }));
});

const COMMUNE_STATE = stateProperties('ntm-communes');
const NEW_UNIT_STATE = stateProperties('ntm-new-units');
const DISTRICT_STATE = stateProperties('ntm-districts');

/**
 * What each unit source's features draw as of the shown date, as feature state by source id
 * (paint.ts). Only a shown thematic layer's units are read: a step in time builds no hidden layer
 * for the date, and showing the layer runs this again.
 */
export function featureStatesFromState(): Record<string, SourceStates> {
  const shown = (id: LayerId) => layers.value.includes(id);
  const districts = shown('ntm-districts') ? statesOf(districtsLayer.value, DISTRICT_STATE) : new Map();
  return {
    communes: shown('ntm-communes') ? statesOf(communesLayer.value, COMMUNE_STATE) : new Map(),
    'new-units': shown('ntm-new-units') ? statesOf(newUnitsLayer.value, NEW_UNIT_STATE) : new Map(),
    districts,
    'district-labels': districts,
  };
}

/** While a zone is drawn, the other zones step aside so the outline being drawn shows. */
const deckVisible = () => ({ products: layers.value.includes('ocop-products'), zones: layers.value.includes('zones') && mapTool.value?.kind !== 'draw' });

/** The selected unit's shape on the map, for the overlay to outline (MapLibre filters its source by code instead). */
function selectedShape(): Polygon | MultiPolygon | null {
  const s = selectedUnit();
  if (!s) return null;
  const f = (s.kind === 'district' ? shapes.value.districts : shapes.value.communes)?.features.find((x) => x.properties?.code === s.code);
  return f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon' ? f.geometry : null;
}

/**
 * Whether the live map's deck.gl overlay has loaded (map-view.tsx says so): it loads lazily, and
 * until it has, MapLibre keeps drawing what the overlay is to draw above zones and markers.
 */
export const overlayLoaded = signal(false);

/** District names go into the deck.gl overlay when zones or markers would cover MapLibre's. */
const namesInOverlay = (overlay: boolean) =>
  boldFontReady.value && !!shapes.value.districts && overlayDrawsDistrictNames(deckVisible(), layers.value.includes('labels'), overlay);

/** @param overlay whether the overlay drawn with this style has loaded: the live map's by default (a snapshot's loads before it draws). */
export function styleFromState(fonts: ReturnType<typeof mapFonts> = mapFonts(), overlay = overlayLoaded.value): StyleSpecification {
  return buildStyle({
    visible: Object.fromEntries(LAYER_IDS.map((id) => [id, layers.value.includes(id)])) as Record<LayerId, boolean>,
    data: {
      communes: shapes.value.communes,
      newUnits: shapes.value.newUnits,
      districts: shapes.value.districts,
      countries: base.value.countries,
      province: base.value.province,
    },
    fonts,
    lang: lang.value,
    unitSet: shownSet.value,
    selected: selectedUnit(),
    basemap: basemap.value,
    districtNamesInOverlay: namesInOverlay(overlay),
    selectionInOverlay: overlayDrawsSelection(deckVisible(), overlay),
    licences: { ...theProvince().licences, boundaries: shownBoundaryLicence() },
  });
}

/** The licence of the shown set's boundaries: official ones once imported, else the province's. */
export function shownBoundaryLicence() {
  return boundaryLicences.value?.[shownSet.value] ?? theProvince().licences.boundaries;
}

/** What the overlay draws at a zoom (district names are placed for it); deck.gl builds its layers from it (client/map/overlay.ts). */
export function deckInputFromState(zoom: number): DeckInput {
  measure ??= measureBold();
  const visible = deckVisible();
  // A hidden layer's data is not read, so a step in time does not recompute it for nothing.
  return {
    visible,
    products: visible.products ? visibleProducts.value : [],
    expired: visible.products ? expiredProducts.value : new Set(),
    zones: visible.zones ? drawnZones.value : [],
    selectedId: selection.value?.kind === 'product' || selection.value?.kind === 'zone' ? selection.value.id : null,
    // The overlay reads its input once it has loaded: it then draws the outline and names.
    selectedUnit: overlayDrawsSelection(visible, true) ? selectedShape() : null,
    districtNames: namesInOverlay(true)
      ? {
          names: shapes.value.districts!.features.map((f) => ({ text: String(f.properties?.name), position: f.properties?.labelPoint as [number, number] })),
          zoom,
          measure,
        }
      : null,
  };
}
