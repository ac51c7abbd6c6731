import type { BoundaryLicences } from '../api.ts';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { effect } from '@preact/signals';
import { Map as MapLibreMap, type MapGeoJSONFeature, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import { buildDeckLayers, pickedFeature } from '../layers/deck-layers.ts';
import { ATTRIBUTION, buildStyle, QUERYABLE_LAYERS } from '../layers/style.ts';
import type { Selection } from '../lib/url-state.ts';
import { LAYER_IDS, type LayerId } from '../layers/registry.ts';
import { base, basemap, boundaryLicences } from '../state/data.ts';
import { communesLayer, districtsLayer, featureBounds, newUnitsLayer, shownSet, visibleProducts, visibleZones } from '../state/derived.ts';
import { camera, flyRequest, hover, lang, layers, select, selection, viewBounds } from '../state/ui-state.ts';
import { t } from '../ui/i18n.ts';
import { mapFonts } from './fonts.ts';

setWorkerUrl(workerUrl);

/** The selected commune or district, when it belongs to the unit set on the map. */
function selectedUnit(): { kind: 'commune' | 'district'; code: string } | null {
  const s = selection.value;
  if (!s || (s.kind !== 'commune' && s.kind !== 'district') || (s.set ?? '2020') !== shownSet.value) return null;
  return { kind: s.kind, code: s.id };
}

/** The whole province, with a margin: [west, south, east, north]. */
export const PROVINCE_BOUNDS: [number, number, number, number] = [102.05, 20.85, 103.7, 22.6];

/**
 * The only module that touches MapLibre and deck.gl: it creates the map, applies the style
 * built from the state (setStyle with diffing), keeps the deck.gl overlay's layers in step,
 * and turns pointer events into hover and selection.
 */
/** The credit of official boundaries of the shown set, or null while GADM's are shown. */
function officialBoundaries(licences: BoundaryLicences | null, set: '2019' | '2020' | '2025'): string | null {
  const l = licences?.[set];
  return l && l.id !== 'gadm' ? l.attribution : null;
}

export function MapView() {
  const container = useRef<HTMLElement>(null);
  useEffect(() => {
    const fonts = mapFonts();
    const styleNow = () =>
      buildStyle({
        visible: Object.fromEntries(LAYER_IDS.map((id) => [id, layers.value.includes(id)])) as Record<LayerId, boolean>,
        data: {
          communes: communesLayer.value,
          newUnits: newUnitsLayer.value,
          districts: districtsLayer.value,
          countries: base.value.countries,
          province: base.value.province,
        },
        fonts,
        lang: lang.value,
        unitSet: shownSet.value,
        selected: selectedUnit(),
        basemap: basemap.value,
        boundaryAttribution: officialBoundaries(boundaryLicences.value, shownSet.value),
      });
    const start = camera.peek();
    const map = new MapLibreMap({
      container: container.current!,
      style: styleNow(),
      ...(start ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom } : { bounds: PROVINCE_BOUNDS }),
      attributionControl: { compact: false, customAttribution: [ATTRIBUTION.gso] },
      maxBounds: [
        [99.5, 19.5],
        [106.5, 24],
      ],
      minZoom: 6,
      maxZoom: 14,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(overlay);
    (window as unknown as { dienBienMap: MapLibreMap }).dienBienMap = map;

    let styleReady = false;
    map.once('load', () => {
      styleReady = true;
      map.setStyle(styleNow(), { diff: true });
    });
    const stopStyle = effect(() => {
      const style = styleNow();
      if (styleReady) map.setStyle(style, { diff: true });
    });
    const stopDeck = effect(() => {
      overlay.setProps({
        layers: buildDeckLayers({
          visible: { products: layers.value.includes('ocop-products'), zones: layers.value.includes('zones') },
          products: visibleProducts.value,
          zones: visibleZones.value,
          selectedId: selection.value?.kind === 'product' || selection.value?.kind === 'zone' ? selection.value.id : null,
        }),
      });
    });
    const stopLabel = effect(() => {
      map.getCanvas().setAttribute('aria-label', t('mapLabel', lang.value));
    });

    const pick = (point: { x: number; y: number }): Selection | null => {
      const deckHit = pickedFeature(overlay.pickObject({ x: point.x, y: point.y, radius: 3 }));
      if (deckHit) return deckHit;
      const hits = map.queryRenderedFeatures([point.x, point.y], { layers: QUERYABLE_LAYERS.filter((id) => map.getLayer(id)) as string[] });
      const f: MapGeoJSONFeature | undefined = hits[0];
      if (!f) return null;
      return {
        kind: f.layer.id === 'ntm-districts-fill' ? 'district' : 'commune',
        id: String(f.properties.code),
        set: f.properties.unitSet as Selection['set'],
      };
    };
    map.on('click', (e) => select(pick(e.point), false));
    map.on('mousemove', (e) => {
      const target = pick(e.point);
      hover.value = target ? { x: e.point.x, y: e.point.y, target } : null;
      map.getCanvas().style.cursor = target ? 'pointer' : '';
    });
    map.on('mouseout', () => {
      hover.value = null;
    });
    const onMove = () => {
      const b = map.getBounds();
      viewBounds.value = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      const c = map.getCenter();
      camera.value = { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
    };
    map.on('moveend', onMove);
    map.once('load', onMove);

    let lastFly = flyRequest.peek();
    const stopFly = effect(() => {
      const n = flyRequest.value;
      if (n === lastFly) return;
      lastFly = n;
      const b = selection.peek() ? featureBounds(selection.peek()!) : null;
      if (b) map.fitBounds(b, { padding: 60, maxZoom: 11, duration: 800 });
    });

    return () => {
      stopStyle();
      stopDeck();
      stopLabel();
      stopFly();
      map.remove();
    };
  }, []);
  return <section ref={container} class="map" aria-label={t('mapLabel', lang.value)} />;
}
