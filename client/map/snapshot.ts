import type { Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { Map as MapLibreMap } from 'maplibre-gl';
import { deckLayersFromState, styleFromState } from './map-state.ts';

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
  /** The camera to copy, or the area to fit into the image. */
  view: { center: [number, number]; zoom: number } | { bounds: [number, number, number, number] };
  /** @default 30000 */
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

export async function renderSnapshot(req: SnapshotRequest): Promise<Snapshot> {
  const ratio = Math.min(req.pixelRatio, MAX_CANVAS / req.width, MAX_CANVAS / req.height);
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, { position: 'fixed', left: '-100000px', top: '0', width: `${req.width}px`, height: `${req.height}px` });
  document.body.append(container);

  let map: MapLibreMap | null = null;
  try {
    map = new MapLibreMap({
      container,
      style: styleFromState(),
      ...('bounds' in req.view ? { bounds: req.view.bounds } : { center: req.view.center, zoom: req.view.zoom }),
      pixelRatio: ratio,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    const layers: Layer[] = deckLayersFromState();
    let deckDone = false;
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers,
      useDevicePixels: ratio,
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
      // Done once deck.gl has drawn with every layer loaded (icons load asynchronously).
      onAfterRender: () => {
        if (layers.every((l) => l.isLoaded)) deckDone = true;
      },
    });
    map.addControl(overlay);
    const m = map;
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        m.on('error', (e) => reject(e.error ?? new Error('the map failed to render')));
        m.once('idle', () => resolve());
      }),
      req.timeoutMs ?? 30_000,
      'the map did not finish drawing',
    );
    await withTimeout(
      until(
        () => deckDone,
        () => m.triggerRepaint(),
      ),
      req.timeoutMs ?? 30_000,
      'the overlay did not finish drawing',
    );

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

/** Resolves once `done()` holds, checking each frame and nudging a redraw meanwhile. */
function until(done: () => boolean, nudge: () => void): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (done()) resolve();
      else {
        nudge();
        requestAnimationFrame(check);
      }
    };
    check();
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
