import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson, testApp } from '../helpers/test-app.ts';

/** "Today" in the API is the province's day: 18:00 UTC on 27 November is 01:00 on the 28th in Điện Biên. */
describe("today's date in query parameters", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts the province’s date before UTC has reached it, and refuses the day after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T18:00:00Z'));
    const { app } = testApp();
    expect((await app.request('/api/downloads/ocop-products.csv?asOf=2026-11-28')).status).toBe(200);
    const tomorrow = await getJson(app, '/api/downloads/ocop-products.csv?asOf=2026-11-29');
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.message).toContain('and 2026-11-28 (today)');
  });
});
