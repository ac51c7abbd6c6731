import { describe, expect, it } from 'vitest';
import { communes2020, communes2025, products, zones } from '../../server/catalog/index.ts';
import { choiceParam, type ParamContext, type ParamDef, ParamError, parseQuery } from '../../server/catalog/params.ts';
import { preferredEncoding } from '../../server/http/cached-response.ts';
import { committedProvince } from '../helpers/test-app.ts';

const ctx: ParamContext = {
  districtCodes: (set) => (set === '2020' ? ['094', '095', '096', '097', '098', '099', '100', '101', '102', '103'] : ['094', '095']),
  today: '2026-11-27',
  province: committedProvince(),
};
type Case = [string | undefined, unknown];
const table = (name: string, param: ParamDef<unknown>, ok: Case[], bad: string[]) =>
  describe(name, () => {
    it.each(ok)('%s → %j', (raw, expected) => expect(param.parse(raw, name, ctx)).toEqual(expected));
    it.each(bad)('rejects %s, naming the parameter', (raw) => expect(() => param.parse(raw, name, ctx)).toThrow(name));
  });
const asOf = communes2020.buildParams.asOf;
const districtCode = communes2020.filters.district.param;
const stars = products.filters.stars.param;
const group = products.filters.group.param;
const crop = zones.filters.crop.param;
const search = products.filters.q.param;
const unitSet = choiceParam(['2019', '2020', '2025'], '2020', 'a unit set');

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
    [' Mật ong ', 'mat ong'],
  ],
  ['x'.repeat(101)],
);

table(
  'asOf (any unit set)',
  communes2025.buildParams.asOf,
  [
    [undefined, '2026-11-27'],
    ['2025-07-01', '2025-07-01'],
  ],
  ['2009-12-31', '2026-11-28'],
);

describe('parseQuery', () => {
  const declared = { asOf, stars };
  it('parses every declared parameter, with defaults', () => {
    expect(parseQuery(declared, { stars: '4' }, ctx)).toEqual({ asOf: '2025-06-30', stars: [4] });
  });
  it('rejects unknown and repeated parameters', () => {
    expect(() => parseQuery(declared, { star: '4' }, ctx)).toThrow(ParamError);
    expect(() => parseQuery(declared, { stars: ['4', '5'] }, ctx)).toThrow('more than once');
  });
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])('treats the prototype name %s as an unknown parameter', (name) => {
    const query = JSON.parse(`{"${name}": "1"}`);
    expect(() => parseQuery(declared, query, ctx)).toThrow(/unknown parameter/);
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
