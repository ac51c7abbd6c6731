import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateTail, spliceGzip } from '../../server/http/gzip-splice.ts';

const layer = (asOf: string) =>
  Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      asOf,
      features: Array.from({ length: 200 }, (_, i) => ({ type: 'Feature', id: `0${i}`, properties: { name: `Xã số ${i}`, ntmStatus: 'đạt chuẩn' } })),
    }),
  );

describe('gzip spliced from a deflated tail', () => {
  it.each([
    ['a layer after its date', layer('2021-06-30'), 45],
    ['no head', layer('2021-06-30'), 0],
    ['all head', layer('2021-06-30'), layer('2021-06-30').byteLength],
    ['a head longer than one stored block', Buffer.concat([randomBytes(150_000), layer('2021-06-30')]), 150_010],
    ['incompressible bytes', randomBytes(100_000), 30_000],
  ])('decodes to the body, CRC and size checked: %s', async (_name, body, head) => {
    const gz = spliceGzip(body, head, await deflateTail(body.subarray(head)));
    expect(gunzipSync(gz).equals(body)).toBe(true);
  });

  it('serves every body with the same tail from one deflate, as small as gzip of the whole', async () => {
    const [a, b] = [layer('2021-06-30'), layer('2022-01-01')];
    const head = a.indexOf('"features"');
    expect(a.subarray(head).equals(b.subarray(head))).toBe(true);
    const tail = await deflateTail(a.subarray(head));
    const gz = spliceGzip(b, head, tail);
    expect(gunzipSync(gz).toString()).toBe(b.toString());
    expect(gz.byteLength).toBeLessThan(gzipSync(b, { level: 6 }).byteLength + head + 20);
  });

  it('fails to decode when the tail is not the body’s (the CRC says so)', async () => {
    const body = layer('2021-06-30');
    const other = Buffer.from(body.toString().replace('Xã số 7"', 'Xã số 8"'));
    const wrong = await deflateTail(other.subarray(45));
    expect(() => gunzipSync(spliceGzip(body, 45, wrong))).toThrow(/check/);
  });
});
