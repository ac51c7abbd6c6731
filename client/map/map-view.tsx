import type { MapboxOverlay } from '@deck.gl/mapbox';
import { effect, signal, untracked } from '@preact/signals';
import { Map as MapLibreMap, type MapGeoJSONFeature, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import { bboxOf } from '../../server/geo/bbox.ts';
import { QUERYABLE_LAYERS } from '../layers/style.ts';
import { CAN_HOVER } from '../lib/pointer.ts';
import type { Selection } from '../lib/url-state.ts';
import { stepKey } from '../lib/timeline.ts';
import { ensureShapes, ensureZoneShapes, loading } from '../state/data.ts';
import { featureBounds } from '../state/derived.ts';
import { theProvince, tp } from '../state/province.ts';
import { camera, flyRequest, hover, lang, select, selection, stepTime, view, viewBounds } from '../state/ui-state.ts';
import { mapTool } from '../state/editing.ts';
import { keepDrawLayers, loadDrawing } from './draw-layers.ts';
import { mapFonts } from './fonts.ts';
import { applyFeatureStates } from './feature-states.ts';
import { deckInputFromState, featureStatesFromState, loadLabelFont, overlayLoaded, styleFromState } from './map-state.ts';
import { addOverlay, type Deck, deckNeeded, loadDeck } from './overlay.ts';

setWorkerUrl(workerUrl);

/** The map on screen, for snapshots that copy its camera (print, PNG); null before it exists. */
let liveMap: MapLibreMap | null = null;

type Bounds = [number, number, number, number];

/**
 * Where the map on screen looks and how big it is, in CSS pixels; `visibleBounds` is the part
 * the panels leave in sight (visiblePadding), what a user means by "the map as I see it".
 */
export function liveView(): { center: [number, number]; zoom: number; bounds: Bounds; visibleBounds: Bounds; width: number; height: number } | null {
  if (!liveMap) return null;
  const c = liveMap.getCenter();
  const b = liveMap.getBounds();
  const box = liveMap.getContainer();
  const pad = visiblePadding(box);
  const nw = liveMap.unproject([pad.left, pad.top]);
  const se = liveMap.unproject([box.clientWidth - pad.right, box.clientHeight - pad.bottom]);
  return {
    center: [c.lng, c.lat],
    zoom: liveMap.getZoom(),
    bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    visibleBounds: [nw.lng, se.lat, se.lng, nw.lat],
    width: box.clientWidth,
    height: box.clientHeight,
  };
}

/**
 * The part of the map the panels leave free, as fitBounds padding in pixels: the side panel on
 * the right (a bottom sheet on phones) and the open legend on the left. Selections and the
 * province are fitted into it, not under a panel.
 */
export function visiblePadding(container: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const box = container.getBoundingClientRect();
  const pad = { top: 24, bottom: 24, left: 24, right: 56 };
  const sheet = document.querySelector<HTMLElement>('.side-panel');
  const panel = sheet?.getBoundingClientRect();
  if (sheet && panel && panel.height > 0) {
    // A bottom sheet still filling in with content will reach its maximum height.
    const max = getComputedStyle(sheet).maxHeight;
    const tallest = Math.max(panel.height, (Number.parseFloat(max) || 0) * (max.endsWith('%') ? box.height / 100 : 1));
    if (panel.width >= box.width * 0.8) pad.bottom = Math.max(pad.bottom, tallest + 16);
    else pad.right = Math.max(pad.right, box.right - panel.left + 16);
  }
  const legend = document.querySelector('.legend-panel[open]')?.getBoundingClientRect();
  if (legend && legend.width < box.width * 0.5 && legend.bottom > box.top + box.height * 0.5) pad.left = Math.max(pad.left, legend.right - box.left + 16);
  // Leave at least a third of the map free, whatever the panels take.
  const squeeze = (a: 'left' | 'top', b: 'right' | 'bottom', size: number) => {
    const over = pad[a] + pad[b] - (size * 2) / 3;
    if (over > 0) pad[a === 'left' ? 'left' : 'top'] = Math.max(0, pad[a] - over);
  };
  squeeze('left', 'right', box.width);
  squeeze('top', 'bottom', box.height);
  return pad;
}

/**
 * The only module that touches MapLibre and deck.gl: it creates the map, applies the style
 * built from the state (setStyle with diffing), keeps the deck.gl overlay's layers in step,
 * and turns pointer events into hover and selection.
 */
export function MapView() {
  const container = useRef<HTMLElement>(null);
  useEffect(() => {
    const fonts = mapFonts();
    loadLabelFont();
    const styleNow = () => styleFromState(fonts);
    const { bounds, panBounds } = theProvince();
    const start = camera.peek();
    const startedWithoutCamera = start === null;
    const map = new MapLibreMap({
      container: container.current!,
      style: styleNow(),
      ...(start ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom } : { bounds }),
      // The credits are the style's sources' own (layers/style.ts), in the reader's language.
      attributionControl: { compact: false },
      // Room to the south: on a phone the province sits above the bottom sheet, the map's centre below it.
      maxBounds: panBounds,
      minZoom: 6,
      maxZoom: 14,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // Bottom left: the side panel covers the bottom right above the attribution.
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.keyboard.disableRotation();
    // The map and its overlay as window.ntmMap and window.ntmOverlay: what the browser tests and benchmarks read.
    (window as unknown as { ntmMap: MapLibreMap }).ntmMap = map;
    liveMap = map;
    let removed = false;

    // The deck.gl overlay, once something it draws is first shown (overlay.ts).
    const deck = signal<Deck | null>(null);
    let deckRequested = false;
    let overlay: MapboxOverlay | null = null;
    const makeOverlay = (d: Deck) => {
      overlay = addOverlay(d, map, {
        layers: [],
        // deck.gl makes its canvas a tab stop for keys it does not use here: the map's canvas is the one stop.
        onLoad: () => {
          for (const c of map.getContainer().querySelectorAll<HTMLCanvasElement>('canvas:not(.maplibregl-canvas)')) {
            c.tabIndex = -1;
            c.setAttribute('aria-hidden', 'true');
          }
          // From now on the overlay draws the selection's outline and the district names above its layers.
          if (!removed) overlayLoaded.value = true;
        },
      });
      (window as unknown as { ntmOverlay: MapboxOverlay }).ntmOverlay = overlay;
      return overlay;
    };

    // ←/→ on the map step time, as on the timeline; Shift+←/→ pan (↑/↓ and +/− stay MapLibre's).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault();
      e.stopPropagation();
      if (e.shiftKey) map.panBy([e.key === 'ArrowLeft' ? -100 : 100, 0]);
      else stepTime(stepKey(e));
    };
    map.getCanvasContainer().addEventListener('keydown', onKey, true);

    // The record goes in once the style is parsed ('style.load', a frame after the map is made), not at
    // 'load', which waits for every source's first (empty) tiles: a slow machine then drew the map twice over.
    let styleReady = false;
    let firstLoadDone = false;
    map.once('load', () => {
      firstLoadDone = true;
    });
    map.once('style.load', () => {
      styleReady = true;
      map.setStyle(styleNow(), { diff: true, transformStyle: keepDrawLayers });
      applyFeatureStates(map, featureStatesFromState());
    });
    const stopStyle = effect(() => {
      const style = styleNow();
      if (!styleReady) return;
      map.setStyle(style, { diff: true, transformStyle: keepDrawLayers });
      // A source whose definition changed (its credits follow the language) is removed and added again by
      // the diff, without its feature state: the units would stay grey until the next step in time.
      applyFeatureStates(map, untracked(featureStatesFromState));
    });
    // A form's map tool: drawing a zone (Terra Draw takes the pointer), or picking a point.
    const stopTool = effect(() => {
      const tool = mapTool.value;
      if (tool?.kind !== 'draw') return;
      // Terra Draw loads with the first drawing, not with the map.
      let stop: (() => void) | null = null;
      let ended = false;
      const start = () =>
        loadDrawing().then(({ startDrawing }) => {
          if (ended) return;
          if (tool.fit && tool.initial) map.fitBounds(bboxOf(tool.initial), { padding: 80, duration: 0, maxZoom: 15 });
          stop = startDrawing(map, tool.initial, tool.onChange);
          // Says when clicks draw (tests wait for it).
          map.getContainer().dataset.drawing = 'ready';
        });
      // Not isStyleLoaded(): that is false while any tiles load (after a pan, say), and 'load' fires only once.
      if (firstLoadDone) start();
      else map.once('load', start);
      return () => {
        ended = true;
        stop?.();
        delete map.getContainer().dataset.drawing;
      };
    });
    // A step in time changes only this: the units' values, as feature state.
    const stopStates = effect(() => {
      const states = featureStatesFromState();
      if (styleReady) applyFeatureStates(map, states);
    });
    const stopDeck = effect(() => {
      const input = deckInputFromState(camera.value?.zoom ?? map.getZoom());
      const d = deck.value;
      if (d) (overlay ?? makeOverlay(d)).setProps({ layers: d.buildDeckLayers(input) });
      else if (deckNeeded(input) && !deckRequested) {
        deckRequested = true;
        loadDeck().then((loaded) => {
          if (!removed) deck.value = loaded;
        });
      }
    });
    const stopLabel = effect(() => {
      map.getCanvas().setAttribute('aria-label', tp('mapLabel', lang.value));
    });

    const pick = (point: { x: number; y: number }): Selection | null => {
      const d = deck.peek();
      const deckHit = d && overlay ? d.pickedFeature(overlay.pickObject({ x: point.x, y: point.y, radius: 3 })) : null;
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
    map.on('click', (e) => {
      // A form's map tool takes the click: a picked point, or Terra Draw's own handling.
      const tool = mapTool.peek();
      if (tool?.kind === 'pick-point') {
        tool.onPick([Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))]);
        return;
      }
      if (tool) return;
      const target = pick(e.point);
      select(target, false);
      // On a phone the card opens as a sheet: bring what was tapped above it.
      if (target) requestAnimationFrame(() => requestAnimationFrame(() => keepAboveSheet(e.point)));
    });
    const keepAboveSheet = (point: { x: number; y: number }) => {
      const free = map.getContainer().clientHeight - visiblePadding(map.getContainer()).bottom;
      if (point.y > free - 24) map.panBy([0, point.y - free / 2], { duration: 400 });
    };
    if (CAN_HOVER) {
      map.on('mousemove', (e) => {
        if (mapTool.peek()) {
          hover.value = null;
          return;
        }
        const target = pick(e.point);
        hover.value = target ? { x: e.point.x, y: e.point.y, target } : null;
        map.getCanvas().style.cursor = target ? 'pointer' : '';
      });
    }
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
      // A unit of a set not shown yet (or a zone) has its shapes loaded first; then, after the
      // card has rendered, the free area is known.
      const sel = selection.peek();
      const shapes =
        sel?.kind === 'commune' || sel?.kind === 'district' ? ensureShapes(sel.set ?? '2020') : sel?.kind === 'zone' ? ensureZoneShapes() : Promise.resolve();
      shapes.then(() =>
        requestAnimationFrame(() => {
          const b = selection.peek() ? featureBounds(selection.peek()!) : null;
          if (b && !removed) map.fitBounds(b, { padding: visiblePadding(map.getContainer()), maxZoom: 11, duration: 800 });
        }),
      );
    });

    // Without a camera in the link, the province (or a linked selection) is fitted into the free
    // area once the data and the panels are up: the start screen has no side panel, so the fit
    // waits for the view chosen from it (until then the province fills the map, as at load).
    // A camera the reader moved is kept.
    let fitted = !startedWithoutCamera;
    map.on('movestart', (e) => {
      if (e.originalEvent) fitted = true;
    });
    const stopFit = effect(() => {
      const panelUp = view.value !== 'start' || selection.value !== null;
      if (loading.value || fitted || !panelUp) return;
      fitted = true;
      requestAnimationFrame(() => {
        if (selection.peek()) flyRequest.value++;
        else map.fitBounds(bounds, { padding: visiblePadding(map.getContainer()), duration: 0 });
      });
    });

    return () => {
      stopStyle();
      stopStates();
      stopDeck();
      stopLabel();
      stopFly();
      stopTool();
      stopFit();
      map.getCanvasContainer().removeEventListener('keydown', onKey, true);
      liveMap = null;
      removed = true;
      overlayLoaded.value = false;
      map.remove();
    };
  }, []);
  return <section ref={container} class="map" aria-label={tp('mapLabel', lang.value)} />;
}
