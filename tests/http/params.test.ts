import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { renderError } from '../../server/http/errors.ts';
import { preferredEncoding } from '../../server/http/compression.ts';
import { asOf, crop, districtCode, group, queryParams, search, stars, unitSet } from '../../server/http/params.ts';

type Case = [string | undefined, unknown];
const table = (name: string, parse: (raw: string | undefined, name: string) => unknown, ok: Case[], bad: string[]) =>
  describe(name, () => {
    it.each(ok)('%s → %j', (raw, expected) => expect(parse(raw, name)).toEqual(expected));
    it.each(bad)('rejects %s, naming the parameter', (raw) => expect(() => parse(raw, name)).toThrow(name));
  });

table(
  'asOf',
  asOf,
  [
    [undefined, '2025-06-30'],
    ['2010-01-01', '2010-01-01'],
    ['2021-06-30', '2021-06-30'],
  ],
  ['2009-12-31', '2025-07-01', '2021-02-30', '2021-6-30', 'today', ''],
);
table(
  'district',
  districtCode,
  [
    [undefined, undefined],
    ['094', '094'],
    ['103', '103'],
  ],
  ['93', '104', '03346', 'Tủa Chùa'],
);
table(
  'stars',
  stars,
  [
    [undefined, undefined],
    ['4', [4]],
    ['3,5', [3, 5]],
    ['4,4', [4]],
  ],
  ['2', '6', '3.5', 'four', ',', '3,'],
);
table(
  'group',
  group,
  [
    [undefined, undefined],
    ['I', ['I']],
    ['II,VI', ['II', 'VI']],
  ],
  ['VII', 'i', '1', ''],
);
table(
  'crop',
  crop,
  [
    [undefined, undefined],
    ['tea', ['tea']],
    ['rice,coffee', ['rice', 'coffee']],
  ],
  ['Tea', 'opium'],
);
table(
  'set',
  unitSet,
  [
    [undefined, '2020'],
    ['2019', '2019'],
    ['2025', '2025'],
  ],
  ['2021', 'new'],
);
table(
  'q',
  search,
  [
    [undefined, undefined],
    ['  ', undefined],
    [' mật ong ', 'mật ong'],
  ],
  ['x'.repeat(101)],
);

describe('queryParams', () => {
  const app = new Hono().get('/', queryParams({ asOf, stars }), (c) => c.json(c.req.valid('query')));
  app.onError(renderError);
  it('parses every declared parameter, with defaults', async () => {
    expect(await (await app.request('/?stars=4')).json()).toEqual({ asOf: '2025-06-30', stars: [4] });
  });
  it('rejects unknown and repeated parameters', async () => {
    expect((await app.request('/?star=4')).status).toBe(400);
    expect((await app.request('/?stars=4&stars=5')).status).toBe(400);
  });
});

describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['gzip;q=0', null],
  ])('%s → %s', (header, expected) => expect(preferredEncoding(header)).toBe(expected));
});
