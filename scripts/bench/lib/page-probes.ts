import type { Page } from 'playwright-core';

/**
 * What the map benchmark measures inside a page, the same way for the app (window.ntmMap)
 * and the bare MapLibre page (window.bareMap).
 */

/*
 * The code run inside pages is plain JavaScript in strings: functions handed to Playwright would be
 * serialised with the helpers tsx adds to them (`__name`), which the page does not have.
 */

/**
 * Run before any page script: records in `window.firstRender` the time (ms since navigation) of
 * the first `idle` at which the map has its communes drawn with every tile loaded.
 */
export const firstRenderScript = `(() => {
  const watch = () => {
    const map = window.ntmMap ?? window.bareMap;
    if (!map) return requestAnimationFrame(watch);
    const check = () => {
      if (map.getSource('communes') && map.areTilesLoaded() && map.querySourceFeatures('communes').length > 0) window.firstRender = performance.now();
      else map.once('idle', check);
    };
    map.once('idle', check);
  };
  watch();
})();`;

export async function waitForFirstRender(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as any).firstRender !== undefined, undefined, { timeout: 120_000, polling: 100 });
  return page.evaluate(() => (window as any).firstRender as number);
}

export interface LoadBytes {
  /** Bytes received, headers included, as Chromium counts them. */
  bytes: number;
  requests: number;
  notModified: number;
  list: { url: string; bytes: number; status: number }[];
}

/**
 * Loads `url` in `page` and counts what came over the network until the map was drawn and no
 * request had been in flight for a second (late chunks, fonts, lazy data included).
 */
export async function loadBytes(page: Page, url: string): Promise<LoadBytes> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map<string, { url: string; status: number; bytes: number; cached: boolean }>();
  let inFlight = 0;
  let last = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:') || e.request.url.startsWith('blob:')) return;
    requests.set(e.requestId, { url: e.request.url, status: 0, bytes: 0, cached: false });
    inFlight++;
    last = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  const done = (id: string, bytes: number) => {
    const r = requests.get(id);
    if (!r) return;
    r.bytes = r.cached ? 0 : bytes;
    inFlight--;
    last = Date.now();
  };
  cdp.on('Network.loadingFinished', (e) => done(e.requestId, e.encodedDataLength));
  // A worker's own script finishes loading in the worker's target, which this session does not
  // see: its size comes from Playwright, which follows workers. Playwright gives its body as 0
  // bytes there, so the body counts as its Content-Length (the encoded size).
  const elsewhere = new Map<string, number>();
  page.on('requestfinished', async (req) => {
    const sizes = await req.sizes().catch(() => null);
    const response = await req.response().catch(() => null);
    if (!sizes || !response) return;
    const body = sizes.responseBodySize || (response.status() === 200 ? Number((await response.allHeaders())['content-length'] ?? 0) : 0);
    elsewhere.set(req.url(), sizes.responseHeadersSize + body);
  });
  cdp.on('Network.loadingFailed', (e) => done(e.requestId, 0));
  await page.addInitScript(firstRenderScript);
  await page.goto(url);
  await waitForFirstRender(page);
  // Until a second passes with no request (5 s if one never finishes), and at most 20 s.
  const drawn = Date.now();
  while (((inFlight > 0 && Date.now() - last < 5000) || Date.now() - last < 1000) && Date.now() - drawn < 20_000) await new Promise((r) => setTimeout(r, 100));
  await cdp.detach();
  // Each worker of the pool asks for the script; it comes over the network once.
  for (const r of requests.values()) {
    if (r.status !== 0 || r.cached) continue;
    Object.assign(r, { bytes: elsewhere.get(r.url) ?? 0, status: elsewhere.has(r.url) ? 200 : 0 });
    elsewhere.delete(r.url);
  }
  const list = [...requests.values()].filter((r) => !r.cached);
  return {
    bytes: list.reduce((s, r) => s + r.bytes, 0),
    requests: list.length,
    notModified: list.filter((r) => r.status === 304).length,
    list: list.map(({ url, bytes, status }) => ({ url, bytes, status })),
  };
}

/**
 * `n` timeline steps (marked step-start-i … step-end-i): the app's slider moved one month (an input
 * event, as a drag or an arrow key makes), or, with `statuses`, the bare page's setFeatureState
 * recolour to the same statuses. Measures to the next task (the step's own JavaScript: handlers,
 * signals, components) and to the map's `idle` after the redraw.
 *
 * Each step is a task of its own between two frames, where Chromium dispatches input: a key press
 * as soon as it comes, a drag's pointer moves at the start of a frame, both before the frame's
 * animation callbacks. A step started after those callbacks (in a `requestAnimationFrame`
 * continuation, as this bench did until 28 Nov) has the page's changes painted in that frame and the
 * map's redraw, which MapLibre asks for by animation frame, in the next: two frames where input
 * makes one, costing a page whose text changes with the date (the app's) a whole extra frame that
 * a page changing nothing but the map (the bare one) does not pay. `afterFrameCallbacks` starts the
 * steps there all the same, for the figure that keeps watch on the page's own repaint.
 */
export async function timelineSteps(page: Page, n: number, statuses?: Record<string, string>[], { afterFrameCallbacks = false } = {}) {
  return page.evaluate(`(async ({ n, statuses, afterFrameCallbacks }) => {
    const map = window.ntmMap ?? window.bareMap;
    const input = document.querySelector('.timeline input[type=range]');
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const toIdle = [];
    const js = [];
    for (let i = 0; i < n; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      if (!afterFrameCallbacks) await new Promise((r) => setTimeout(r, 0));
      const idle = new Promise((r) => map.once('idle', r));
      performance.mark('step-start-' + i);
      const t0 = performance.now();
      if (statuses) window.recolour(statuses[i]);
      else {
        input.value = String(Number(input.value) + 1);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await nextTask();
      js.push(performance.now() - t0);
      performance.mark('step-end-' + i);
      // A step that changes no colour still ends with a frame, on both pages alike.
      map.triggerRepaint();
      await idle;
      toIdle.push(performance.now() - t0);
    }
    return { toIdle, js };
  })(${JSON.stringify({ n, statuses, afterFrameCallbacks })})`) as Promise<{ toIdle: number[]; js: number[] }>;
}

/** Trace events Chromium's DevTools count as scripting: a task's script, its microtasks, callbacks. */
const SCRIPT_EVENTS = new Set([
  'EventDispatch',
  'FunctionCall',
  'RunMicrotasks',
  'FireAnimationFrame',
  'TimerFire',
  'FireIdleCallback',
  'EvaluateScript',
  'v8.run',
]);

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/**
 * Runs `run` (timelineSteps) under a Chromium trace and returns, for each step, the milliseconds of
 * script in the task the step runs in, from its start mark: the input event, the signals' effects
 * and the components' render (a microtask of the same task). What DevTools shows as that task's
 * scripting; not the style, layout and paint of the frame it lands in, nor the map's redraw in the
 * next one, which "to the next task" includes when a busy machine delays that task past a frame.
 */
export async function withScriptTimes<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; script: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const starts = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('step-start-'));
  const main = starts[0];
  if (!main) throw new Error('no step marks in the trace');
  const scripts = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && SCRIPT_EVENTS.has(e.name));
  const script = starts
    .sort((a, b) => Number(a.name.slice(11)) - Number(b.name.slice(11)))
    .map((mark) => {
      // The outermost script event the mark falls in: the step's task.
      const ends = scripts.filter((e) => e.ts <= mark.ts && mark.ts < e.ts + (e.dur ?? 0)).map((e) => e.ts + (e.dur ?? 0));
      if (!ends.length) throw new Error(`${mark.name} lies in no script event of the trace`);
      return (Math.max(...ends) - mark.ts) / 1000;
    });
  return { result, script };
}
