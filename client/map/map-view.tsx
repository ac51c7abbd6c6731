import { MapboxOverlay } from '@deck.gl/mapbox';
import { effect } from '@preact/signals';
import { Map as MapLibreMap, type MapGeoJSONFeature, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import { pickedFeature } from '../layers/deck-layers.ts';
import { ATTRIBUTION, QUERYABLE_LAYERS } from '../layers/style.ts';
import type { Selection } from '../lib/url-state.ts';
import { featureBounds } from '../state/derived.ts';
import { camera, flyRequest, hover, lang, select, selection, viewBounds } from '../state/ui-state.ts';
import { t } from '../ui/i18n.ts';
import { mapFonts } from './fonts.ts';
import { deckLayersFromState, styleFromState } from './map-state.ts';

setWorkerUrl(workerUrl);

/** The map on screen, for snapshots that copy its camera (print, PNG); null before it exists. */
let liveMap: MapLibreMap | null = null;

/** Where the map on screen looks and how big it is, in CSS pixels. */
export function liveView(): { center: [number, number]; zoom: number; bounds: [number, number, number, number]; width: number; height: number } | null {
  if (!liveMap) return null;
  const c = liveMap.getCenter();
  const b = liveMap.getBounds();
  const box = liveMap.getContainer();
  return {
    center: [c.lng, c.lat],
    zoom: liveMap.getZoom(),
    bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    width: box.clientWidth,
    height: box.clientHeight,
  };
}

/** The whole province, with a margin: [west, south, east, north]. */
export const PROVINCE_BOUNDS: [number, number, number, number] = [102.05, 20.85, 103.7, 22.6];

/**
 * The only module that touches MapLibre and deck.gl: it creates the map, applies the style
 * built from the state (setStyle with diffing), keeps the deck.gl overlay's layers in step,
 * and turns pointer events into hover and selection.
 */
export function MapView() {
  const container = useRef<HTMLElement>(null);
  useEffect(() => {
    const fonts = mapFonts();
    const styleNow = () => styleFromState(fonts);
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
    liveMap = map;

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
      overlay.setProps({ layers: deckLayersFromState() });
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
      liveMap = null;
      map.remove();
    };
  }, []);
  return <section ref={container} class="map" aria-label={t('mapLabel', lang.value)} />;
}
