import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { openDatabase } from '../../server/db/open.ts';
import { isEmpty, readGeodata, seedDatabase } from '../../server/db/seed.ts';
import { committedGeodata, GEODATA_DIR, seededDatabase } from '../helpers/test-app.ts';

const count = (db: ReturnType<typeof openDatabase>, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('database', () => {
  it('refuses geodata that does not match its schema, naming the file and the value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-geodata-'));
    cpSync(GEODATA_DIR, dir, { recursive: true });
    const file = join(dir, 'facts', 'ntm-recognitions.json');
    const rows = JSON.parse(readFileSync(file, 'utf8'));
    rows[3].status = 'excellent';
    writeFileSync(file, JSON.stringify(rows));
    expect(() => readGeodata(dir)).toThrow(/facts\/ntm-recognitions\.json: 3\.status/);
  });

  it('opens files with WAL and foreign keys on', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'ntm-')), 'nested', 'app.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('migrates once: running again applies nothing', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('lists each change logged before version 5 under every unit its records name; edits’ provenance loses the login', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 5),
    );
    const log = db.prepare(`INSERT INTO audit_log (at, user_login, action, entity, entity_id, unit_set, unit_code, before, after)
      VALUES ('2026-01-01T00:00:00Z', 'editor', ?, ?, ?, ?, ?, ?, ?)`);
    const zone = log.run(
      'update',
      'zone',
      'z1',
      '2020',
      '03155',
      JSON.stringify({ communeCodes: ['03155', '03160'] }),
      JSON.stringify({ communeCodes: ['03160', '03205'] }),
    );
    const product = log.run(
      'update',
      'product',
      'p1',
      '2020',
      '03155',
      JSON.stringify({ communeCode: '03155', districtCode: '095' }),
      JSON.stringify({ communeCode: null, districtCode: '096' }),
    );
    const recognition = log.run('create', 'recognition', 'r1', '2019', '03160', null, JSON.stringify({ unitSet: '2019', communeCode: '03160' }));
    const target = log.run('create', 'target', 't1', null, null, null, JSON.stringify({ year: 2030 }));
    db.prepare("INSERT INTO sources (id, title, ref, date_text) VALUES (1, 'Báo cáo', '', '2025')").run();
    db.prepare(`INSERT INTO targets (id, indicator, indicator_key, scope, source_id, confidence, note, origin)
      VALUES ('t1', 'Số xã đạt chuẩn', 'ntm', 'province', 1, 'high', '', 'edit by lan.nguyen'), ('t2', 'Số xã', 'ntm2', 'province', 1, 'high', '', 'targets.csv:3')`).run();
    migrate(db);
    // Records are public: an edit's provenance no longer names the editor.
    expect(db.prepare('SELECT origin FROM targets ORDER BY id').pluck().all()).toEqual(['edit', 'targets.csv:3']);
    const units = (id: number | bigint) => db.prepare("SELECT unit_set || ':' || unit_code FROM audit_units WHERE audit_id = ? ORDER BY 1").pluck().all(id);
    expect(units(zone.lastInsertRowid)).toEqual(['2020:03155', '2020:03160', '2020:03205']);
    expect(units(product.lastInsertRowid)).toEqual(['2020:03155', '2020:096']);
    expect(units(recognition.lastInsertRowid)).toEqual(['2019:03160']);
    expect(units(target.lastInsertRowid)).toEqual([]);
    expect(() => db.prepare('DELETE FROM audit_units').run()).toThrow(/append-only/);
  });

  it('refuses a database newer than the server', () => {
    const db = openDatabase(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer/);
  });

  it('a failing migration leaves the previous version', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE ok (x); CREATE TABLE ok (y);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
  });

  it('seeds every table and indexes the joins', () => {
    const db = seededDatabase();
    expect(isEmpty(db)).toBe(false);
    expect(count(db, 'units')).toBe(10 + 130 + 10 + 129 + 45);
    expect(count(db, 'crosswalk')).toBe(130 + 129);
    for (const table of [
      'sources',
      'ntm_recognitions',
      'ntm_recognition_sources',
      'ntm_facts',
      'producers',
      'ocop_products',
      'ocop_ratings',
      'zones',
      'zone_communes',
      'zone_products',
      'zone_facts',
      'targets',
      'unit_sources',
    ]) {
      expect(count(db, table), table).toBeGreaterThan(0);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM ntm_recognitions WHERE unit_set = '2020' AND commune_code = '03337'").all();
    expect(JSON.stringify(plan)).toContain('ntm_recognitions_by_commune');
  });

  it('never overwrites an existing database', () => {
    const db = seededDatabase();
    expect(() => seedDatabase(db, committedGeodata())).toThrow(/refusing to overwrite/);
  });

  it('a seed that fails halfway leaves nothing half-written', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const good = committedGeodata();
    // A product whose producer does not exist breaks a foreign key after units, NTM and producers are in.
    const broken = {
      ...good,
      products: [...good.products, { ...good.products[0], properties: { ...good.products[0].properties, id: 'x', producerId: 'nobody' } }],
    };
    expect(() => seedDatabase(db, broken)).toThrow(/FOREIGN KEY/);
    for (const table of ['units', 'sources', 'ntm_recognitions', 'producers', 'ocop_products', 'meta']) expect(count(db, table), table).toBe(0);
  });
});
