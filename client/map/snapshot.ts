import { Map as MapLibreMap } from 'maplibre-gl';
import { applyFeatureStates } from './feature-states.ts';
import { deckInputFromState, featureStatesFromState, styleFromState } from './map-state.ts';
import { addOverlay, deckNeeded, loadDeck } from './overlay.ts';

/**
 * Renders the map as the state shows it into a canvas of a given size and pixel ratio, on
 * demand: a second, hidden MapLibre map with the same style and a deck.gl overlay with the same
 * layers, both keeping their drawing buffers, composited once everything has loaded. The map on
 * screen is left alone (print and PNG never resize or re-render it).
 */
export interface SnapshotRequest {
  /** Size of the map image in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel of the image (2 for PNG, about 3 for print). Lowered to keep the canvas within `MAX_CANVAS`. */
  pixelRatio: number;
  /**
   * The camera to copy, or the area to fit into the image — within `padding` (CSS pixels from
   * each edge) when decorations drawn over the image take the rest.
   */
  view:
    | { center: [number, number]; zoom: number }
    | { bounds: [number, number, number, number]; padding?: { top: number; bottom: number; left: number; right: number } };
  /** How long to wait for the map and the overlay to draw, in milliseconds. @default 60000 */
  timeoutMs?: number;
}

export interface Snapshot {
  canvas: HTMLCanvasElement;
  pixelRatio: number;
  center: [number, number];
  zoom: number;
  bounds: [number, number, number, number];
}

/** The largest canvas side drawn (MapLibre's default maxCanvasSize; WebGL limits go no lower on current GPUs). */
export const MAX_CANVAS = 4096;

/**
 * Draws the map for a request. `signal` abandons it (a newer request replaced it): the hidden map
 * is removed at once and the promise rejects with an AbortError.
 */
export async function renderSnapshot(req: SnapshotRequest, signal?: AbortSignal): Promise<Snapshot> {
  const ratio = Math.min(req.pixelRatio, MAX_CANVAS / req.width, MAX_CANVAS / req.height);
  const timeout = req.timeoutMs ?? 60_000;
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, { position: 'fixed', left: '-100000px', top: '0', width: `${req.width}px`, height: `${req.height}px` });
  document.body.append(container);

  let map: MapLibreMap | null = null;
  try {
    map = new MapLibreMap({
      container,
      // Its own overlay loads before it draws (below).
      style: styleFromState(undefined, true),
      ...('bounds' in req.view
        ? { bounds: req.view.bounds, fitBoundsOptions: { padding: req.view.padding ?? 0 } }
        : { center: req.view.center, zoom: req.view.zoom }),
      // Loaded at one device pixel per CSS pixel, then drawn at the full ratio: each frame drawn
      // while the sources load would otherwise cost the full ratio's pixels.
      pixelRatio: 1,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    const states = featureStatesFromState();
    map.once('load', () => applyFeatureStates(map!, states));
    const m = map;
    const input = deckInputFromState(map.getZoom());
    let deckDone = Promise.resolve();
    if (deckNeeded(input)) {
      const deck = await settle(loadDeck(), timeout, 'the overlay did not load', signal);
      const layers = deck.buildDeckLayers(input);
      deckDone = new Promise<void>((resolve) => {
        addOverlay(deck, m, {
          layers,
          useDevicePixels: ratio,
          deviceProps: { webgl: { preserveDrawingBuffer: true } },
          // Done once deck.gl has drawn with every layer loaded (icons load asynchronously, and
          // deck.gl redraws by itself when they arrive).
          onAfterRender: () => {
            if (layers.every((l) => l.isLoaded)) resolve();
          },
        });
      });
    }
    const idle = () =>
      settle(
        new Promise<void>((resolve, reject) => {
          m.once('error', (e) => reject(e.error ?? new Error('the map failed to render')));
          m.once('idle', () => resolve());
        }),
        timeout,
        'the map did not finish drawing',
        signal,
      );
    await idle();
    m.setPixelRatio(ratio);
    await idle();
    await settle(deckDone, timeout, 'the overlay did not finish drawing', signal);

    const mapCanvas = m.getCanvas();
    const out = document.createElement('canvas');
    out.width = mapCanvas.width;
    out.height = mapCanvas.height;
    const ctx = out.getContext('2d')!;
    ctx.drawImage(mapCanvas, 0, 0);
    for (const c of container.querySelectorAll('canvas')) if (c !== mapCanvas) ctx.drawImage(c, 0, 0, out.width, out.height);
    const b = m.getBounds();
    const center = m.getCenter();
    return {
      canvas: out,
      pixelRatio: ratio,
      center: [center.lng, center.lat],
      zoom: m.getZoom(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    };
  } finally {
    map?.remove();
    container.remove();
  }
}

/** Waits for `p`, failing after `ms` with a message naming `what`, or at once when `signal` aborts. */
function settle<T>(p: Promise<T>, ms: number, what: string, signal?: AbortSignal): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
      onAbort = () => reject(new DOMException('the snapshot was abandoned', 'AbortError'));
      if (signal?.aborted) onAbort();
      signal?.addEventListener('abort', onAbort);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  });
}
