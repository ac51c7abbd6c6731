import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Column, columnsOf, LIST_SEPARATOR } from '../../server/catalog/columns.ts';
import type { Collection } from '../../server/catalog/define.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { isoDate, position, sourceRef } from '../../server/catalog/records.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { committedProvince, seededDatabase } from '../helpers/test-app.ts';
import { provinceDate } from '../../server/domain/dates.ts';

const data = loadSnapshot(createStore(seededDatabase()));
const ctx = { today: provinceDate(new Date()), province: committedProvince() };

const matchesType = (c: Column, v: unknown) =>
  v === null ||
  {
    text: typeof v === 'string',
    date: typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
    integer: Number.isInteger(v),
    real: typeof v === 'number',
    boolean: typeof v === 'boolean',
  }[c.type];

describe.each((CATALOG as unknown as Collection[]).map((c) => [c.id, c] as const))('columns of %s', (_, c) => {
  const columns = columnsOf(c.properties);
  const asOf = c.time ? { asOf: c.time.range(ctx).max } : {};
  const features = c.build(data, asOf as never).features;

  it('are unique and leave room for the download columns (lon, lat, wkt, asOf, licence)', () => {
    const keys = columns.map((col) => col.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const extra of ['lon', 'lat', 'wkt', 'asOf', 'licence']) expect(keys).not.toContain(extra);
  });

  it('give every feature a flat value of the declared type', () => {
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) {
      for (const col of columns) {
        const v = col.value(f.properties);
        expect(['string', 'number', 'boolean'].includes(typeof v) || v === null, `${col.key} of ${f.id}`).toBe(true);
        expect(matchesType(col, v), `${col.key} of ${f.id} is ${col.type}: ${JSON.stringify(v)}`).toBe(true);
      }
    }
  });

  it('cover every property of the schema', () => {
    const top = new Set(columns.map((col) => col.key.split('.')[0]));
    const shape = (c.properties as unknown as z.ZodObject).shape;
    expect([...top].sort()).toEqual(Object.keys(shape).sort());
  });
});

describe('columnsOf', () => {
  const schema = z.object({
    code: z.string(),
    year: z.int().nullable(),
    share: z.number(),
    ok: z.boolean(),
    stars: z.union([z.literal(3), z.literal(4)]).nullable(),
    since: isoDate.describe('From when'),
    at: position.describe('Where the label goes'),
    decision: z.object({ ref: z.string(), date: isoDate.nullable() }).nullable(),
    codes: z.array(z.string()),
    sources: z.array(sourceRef),
    nested: z.array(z.object({ id: z.string(), tags: z.array(z.string()) })),
    anything: z.record(z.string(), z.number()),
  });
  const columns = columnsOf(schema);
  const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
  const source = (title: string, url: string | null) => ({ title, ref: url ?? 'QĐ 1', date: '2021', confidence: 'high', url, note: '' });
  const p = {
    code: '03346',
    year: null,
    share: 0.5,
    ok: true,
    stars: 4,
    since: '2017-12-31',
    at: [103.1, 21.4],
    decision: null,
    codes: ['094', '095'],
    sources: [source('A', 'https://a'), source('B', null)],
    nested: [{ id: 'x', tags: ['t1', 't2'] }],
    anything: { a: 1 },
  };

  it('flattens objects, splits positions into lon/lat and keeps the schema order', () => {
    expect(columns.map((c) => c.key)).toEqual([
      'code',
      'year',
      'share',
      'ok',
      'stars',
      'since',
      'at.lon',
      'at.lat',
      'decision.ref',
      'decision.date',
      'codes',
      'sources.title',
      'sources.ref',
      'sources.date',
      'sources.confidence',
      'sources.url',
      'sources.note',
      'nested.id',
      'nested.tags',
      'anything',
    ]);
    expect(columns.map((c) => c.type).slice(0, 8)).toEqual(['text', 'integer', 'real', 'boolean', 'integer', 'date', 'real', 'real']);
    expect(byKey['at.lat'].value(p)).toBe(21.4);
    expect(byKey['at.lat'].description).toBe('Where the label goes');
    expect(byKey.since.description).toBe('From when');
    expect(byKey['decision.ref'].value(p)).toBeNull();
  });

  it('joins arrays, keeping the n-th values of parallel columns aligned (an empty slot for null)', () => {
    expect(byKey.codes.value(p)).toBe(`094${LIST_SEPARATOR}095`);
    expect(byKey['sources.title'].value(p)).toBe('A; B');
    expect(byKey['sources.url'].value(p)).toBe('https://a; ');
    expect(byKey.codes.value({ ...p, codes: [] })).toBeNull();
  });

  it('writes what cannot be flat as JSON', () => {
    expect(byKey['nested.tags'].value(p)).toBe('["t1","t2"]');
    expect(byKey.anything).toMatchObject({ form: 'json', type: 'text' });
    expect(byKey.anything.value(p)).toBe('{"a":1}');
  });

  it('reads own properties only', () => {
    expect(byKey.code.value(Object.create({ code: 'inherited' }))).toBeNull();
  });
});
