import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Collection, declaredParams } from '../../server/catalog/define.ts';
import { CATALOG, collectionById } from '../../server/catalog/index.ts';
import { forProvince } from '../../server/catalog/province-text.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { catalogReference, githubAnchor } from '../../scripts/docs/catalog-reference.ts';
import { committedProvince, seededDatabase } from '../helpers/test-app.ts';

/** Tests generated from the catalog: a new collection gets all of them with no new test code. */
const data = loadSnapshot(createStore(seededDatabase()));
const collections = CATALOG as readonly Collection[];

describe.each(collections.map((c) => [c.id, c] as const))('collection %s', (_id, c) => {
  const dates = c.time ? ['2016-12-31', '2021-06-30', c.time.range({ today: '2026-01-31', province: committedProvince() }).max] : [undefined];

  it.each(dates.map((d) => [d ?? 'undated']))('builds features whose properties match its schema (%s)', (d) => {
    const built = c.build(data, (d === 'undated' ? {} : { asOf: d }) as never);
    if (d === dates.at(-1)) expect(built.features.length).toBeGreaterThan(0);
    for (const f of built.features) {
      const checked = c.properties.safeParse(f.properties);
      expect(checked.success ? null : { id: f.id, issues: checked.error.issues.slice(0, 3) }).toBeNull();
      expect(f.id).toBe((f.properties as Record<string, unknown>)[c.idProperty]);
      if (c.geometry === null) expect(f.geometry).toBeNull();
      else if (f.geometry) expect(c.geometry === 'point' ? ['Point'] : ['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(new Set(built.features.map((f) => f.id)).size).toBe(built.features.length);
  });

  it('declares titles in both languages (NFC), a licence, an ASCII file stem, and /api parameters it has', () => {
    const [title, description] = [forProvince(c.title, committedProvince()), forProvince(c.description, committedProvince())];
    for (const text of [title.vi, title.en, description.vi, description.en]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(text.normalize('NFC'));
    }
    expect(c.licences.length).toBeGreaterThan(0);
    for (const l of c.licences) expect(['boundaries', 'codes', 'facts']).toContain(l);
    expect(c.fileStem).toMatch(/^[a-z0-9-]+$/);
    const declared = declaredParams(c);
    for (const name of c.api?.params ?? []) expect(Object.hasOwn(declared, name)).toBe(true);
    if (c.time) expect(Object.hasOwn(c.buildParams, 'asOf')).toBe(true);
    expect(collectionById(c.id)).toBe(c);
  });

  it('filters by each of its filters without throwing, keeping a subset', () => {
    const built = c.build(data, (c.time ? { asOf: c.time.range({ today: '2026-01-31', province: committedProvince() }).max } : {}) as never);
    for (const [name, f] of Object.entries(c.filters)) {
      const sample =
        f.param.schema.type === 'array' ? [(f.param.schema.items as { enum: unknown[] }).enum[0]] : f.param.schema.type === 'boolean' ? true : undefined;
      if (sample === undefined) continue;
      const kept = built.features.filter((x) => f.test(x.properties, sample as never));
      expect(kept.length, name).toBeLessThanOrEqual(built.features.length);
    }
  });
});

it('has unique ids, and collectionById knows no prototype names', () => {
  expect(new Set(collections.map((c) => c.id)).size).toBe(collections.length);
  for (const name of ['toString', 'constructor', '__proto__']) expect(collectionById(name)).toBeUndefined();
});

it('links each collection to its section by the anchor GitHub gives the heading (dashes and quotes dropped, each space a hyphen)', () => {
  expect(githubAnchor('`communes-2020` — Communes by NTM status (2020–2025 units)')).toBe('communes-2020--communes-by-ntm-status-20202025-units');
  expect(githubAnchor('`communes-2025` — Communes and wards of the 2025 reform with their former communes’ record')).toBe(
    'communes-2025--communes-and-wards-of-the-2025-reform-with-their-former-communes-record',
  );
  const doc = catalogReference(committedProvince());
  const anchors = new Set([...doc.matchAll(/^## (.+)$/gm)].map((m) => githubAnchor(m[1])));
  for (const [, target] of doc.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors).toContain(target);
});

it('docs/COLLECTIONS.md is generated from the catalog and up to date (npm run docs)', () => {
  expect(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'COLLECTIONS.md'), 'utf8')).toBe(catalogReference(committedProvince()));
});
