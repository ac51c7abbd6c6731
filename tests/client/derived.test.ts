import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { timelineStops } from '../../client/lib/timeline.ts';
import { products, zoneShapes, zones } from '../../client/state/data.ts';
import { drawnZones, expiredProducts, listedZones, visibleProducts } from '../../client/state/derived.ts';
import { asOf } from '../../client/state/ui-state.ts';
import { ocopAsOf } from '../../server/domain/ocop-as-of.ts';
import { committedProvince, getJson, testApp } from '../helpers/test-app.ts';

/** What the map's overlay reads at a step in time (client/state/derived.ts), from the real record. */
describe('the products the overlay draws, step by step', async () => {
  const { app } = testApp();
  const fc = (await getJson(app, '/api/products')).body;
  const stops = timelineStops(committedProvince(), '2026-11-24');
  type P = { id: string; geometry: unknown; properties: Parameters<typeof ocopAsOf>[0] };
  /** Which products are drawn (certified or expired, with a place), and which had expired, on a date. */
  const drawnOn = (d: string) =>
    fc.features.filter((f: P) => f.geometry !== null && (ocopAsOf(f.properties, d).certified || ocopAsOf(f.properties, d).expired)).map((f: P) => f.id);
  const expiredOn = (d: string) => fc.features.filter((f: P) => ocopAsOf(f.properties, d).expired).map((f: P) => f.id);
  const same = (a: string, b: string) => String(drawnOn(a)) === String(drawnOn(b)) && String(expiredOn(a)) === String(expiredOn(b));
  const pairs = stops.slice(1).map((d, i) => [stops[i], d]);
  const quiet = pairs.find(([a, b]) => same(a, b) && expiredOn(a).length > 0)!;
  const busy = pairs.find(([a, b]) => String(drawnOn(a)) !== String(drawnOn(b)))!;

  it('keeps the same products and expired set while a step certifies or expires none, and notifies nobody', () => {
    products.value = fc;
    asOf.value = quiet[0];
    let runs = 0;
    const stop = effect(() => {
      visibleProducts.value;
      expiredProducts.value;
      runs++;
    });
    const [drawn, expired] = [visibleProducts.value, expiredProducts.value];
    expect(expired.size).toBeGreaterThan(0);
    asOf.value = quiet[1];
    expect(visibleProducts.value).toBe(drawn);
    expect(expiredProducts.value).toBe(expired);
    expect(runs).toBe(1);
    stop();
  });

  it('gives new ones when a step changes what is drawn', () => {
    products.value = fc;
    asOf.value = busy[0];
    const [drawn, expired] = [visibleProducts.value, expiredProducts.value];
    asOf.value = busy[1];
    expect(visibleProducts.value !== drawn || expiredProducts.value !== expired).toBe(true);
    expect(visibleProducts.value.map((f) => f.id)).toEqual(drawnOn(busy[1]));
  });
});

/** The zones: listed from their attributes, drawn (and counted in the legend) from their shapes once loaded. */
describe('the zones listed and drawn', async () => {
  const { app } = testApp();
  const attributes = (await getJson(app, '/api/zones?skipGeometry=true')).body;
  const shaped = (await getJson(app, '/api/zones')).body;

  it('lists every zone from its attributes while its shapes have not loaded, and draws none until they have', () => {
    zones.value = attributes;
    zoneShapes.value = null;
    expect(listedZones.value.map((f) => f.id)).toEqual(attributes.features.map((f: { id: string }) => f.id));
    expect(drawnZones.value).toEqual([]);
    zoneShapes.value = shaped;
    expect(drawnZones.value.map((f) => f.id)).toEqual(listedZones.value.map((f) => f.id));
    expect(drawnZones.value.every((f) => f.geometry !== null)).toBe(true);
  });
});
