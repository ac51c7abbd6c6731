import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../server/http/errors.ts';
import { createCheckPool } from '../../server/imports/check-pool.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../server/imports/limits.ts';
import type { MapFileJob } from '../../server/imports/map-file.ts';
import { csv, importApp, RECOGNITION_HEADER, RECOGNITION_ROW, SOURCE } from './helpers.ts';

/**
 * A map file's preview is read and checked in a worker thread (server/imports/check-pool.ts): the server
 * keeps answering meanwhile, and a worker that runs out of memory or dies fails only its own preview.
 */

/** Zones of ~5,500 vertices each in the province, on a grid: `n` of them is a file of n × 5,491 vertices. */
function zonesFile(n: number, name = (i: number) => `Vùng thử ${i}`): Uint8Array {
  const features = Array.from({ length: n }, (_, i) => {
    const [cx, cy] = [103.05 + (i % 10) * 0.03, 21.55 + Math.floor(i / 10) * 0.03];
    const ring = Array.from({ length: 5490 }, (_, k) => {
      const a = (2 * Math.PI * k) / 5490;
      return [+(cx + 0.01 * Math.cos(a)).toFixed(7), +(cy + 0.01 * Math.sin(a)).toFixed(7)];
    });
    ring.push(ring[0]);
    return { type: 'Feature', properties: { name: name(i), crop: 'Chè', area_ha: 30, year: 2025 }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** An NTM recognitions workbook of `n` rows: 8 000 need more than a 40 MB heap to open. */
async function recognitionsWorkbook(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Dữ liệu');
  sheet.addRow([...RECOGNITION_HEADER, 'Ghi chú']);
  for (let i = 0; i < n; i++) sheet.addRow(['2020', '03205', 'Đạt chuẩn', 2024, `${i}/QĐ-UBND`, '10/01/2025', `ghi chú dòng ${i}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const recognitionsCsv = () => csv([RECOGNITION_HEADER, RECOGNITION_ROW]);

const sourceField = { source: JSON.stringify(SOURCE) };
const WRITTEN = ['zones', 'audit_log', 'import_batches', 'sources'];

describe('an import preview in a worker thread', () => {
  it('leaves the server answering other requests while a large file is checked', { timeout: 120_000 }, async () => {
    // The importer asks the clock (for the source's date) right before it reads and checks the file; the
    // first time it asks after the upload's body has been read, health checks start, one after another.
    let bodyRead = false;
    let previewAnswered = false;
    let answeredMeanwhile = 0;
    let healthLoop: Promise<void> | null = null;
    const t = importApp({}, () => {
      if (bodyRead && !healthLoop) {
        healthLoop = (async () => {
          while (!previewAnswered) {
            const res = await t.app.request('/api/health');
            expect(res.status).toBe(200);
            if (!previewAnswered) answeredMeanwhile++;
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
      }
      return Date.now();
    });
    const editor = await t.user('zones1', 'editor', ['zones']);
    const form = new FormData();
    form.set('kind', 'zones');
    form.set('file', new File([zonesFile(10) as Uint8Array<ArrayBuffer>], 'vung-lon.geojson'));
    form.set('source', sourceField.source);
    const multipart = new Request('http://upload/', { method: 'POST', body: form });
    const bytes = new Uint8Array(await multipart.arrayBuffer());
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          controller.enqueue(bytes.subarray(sent, sent + 256 * 1024));
          sent += 256 * 1024;
          if (sent >= bytes.length) {
            bodyRead = true;
            controller.close();
          }
        },
      },
      { highWaterMark: 0 },
    );
    const res = await Promise.resolve(
      t.app.request('/api/imports', {
        method: 'POST',
        headers: { ...editor.headers, 'Content-Type': multipart.headers.get('Content-Type')! },
        body,
        duplex: 'half',
      } as RequestInit),
    ).finally(() => {
      previewAnswered = true;
    });
    await healthLoop;
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.rows).toBe(10);
    expect(preview.summary.create + preview.summary.errors).toBe(10);
    // Run in the server's own thread, the check holds every request until it ends: none is answered meanwhile.
    expect(healthLoop).not.toBeNull();
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
  });

  it('refuses a file whose check runs out of the worker’s memory with 413, writes nothing, and the next import works', { timeout: 120_000 }, async () => {
    const t = importApp({ workerMemoryMb: 40 });
    const editor = await t.user('zones1', 'editor', ['zones']);
    const counts = () => WRITTEN.map(t.count);
    const before = counts();
    const big = await editor.upload('zones', 'qua-lon.geojson', zonesFile(60), sourceField);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      error: { code: 'import_too_large', message: expect.stringMatching(/^checking qua-lon\.geojson needed more than the 40 MB an import may use/) },
    });
    expect(counts()).toEqual(before);
    expect((await t.app.request('/api/health')).status).toBe(200);

    const small = await editor.upload(
      'zones',
      'mot-vung.geojson',
      zonesFile(1, () => 'Vùng chè thử'),
      sourceField,
    );
    expect(small.status).toBe(201);
    const preview = await small.json();
    expect(preview.summary).toMatchObject({ create: 1, errors: 0 });
    const commit = await editor.post(`/api/imports/${preview.id}/commit`);
    expect(commit.status).toBe(201);
    expect(t.count('zones')).toBe(before[0] + 1);
  });
});

describe('a table’s preview in a worker thread', () => {
  it('reads a CSV in the app’s pool: its worker dying fails that preview with 500, a wrong file keeps its 400, the next is read', {
    timeout: 120_000,
  }, async () => {
    const pool = createCheckPool({ memoryMb: 128, entry: new URL('./fixtures/failing-check-worker.ts', import.meta.url) });
    const t = importApp({}, Date.now, pool);
    try {
      const editor = await t.user('ntm1', 'editor', ['ntm']);
      // Read in the server's own thread, this file would be previewed: only its worker ends on its name.
      const died = await editor.upload('ntm-recognitions', 'exit.csv', recognitionsCsv(), sourceField);
      expect({ status: died.status, body: await died.json() }).toEqual({
        status: 500,
        body: { error: { code: 'import_failed', message: expect.stringContaining('checking exit.csv failed on the server; nothing was imported') } },
      });
      const pdf = await editor.upload('ntm-recognitions', 'bao-cao.pdf', new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), sourceField);
      expect({ status: pdf.status, code: (await pdf.json()).error.code }).toEqual({ status: 400, code: 'unsupported_format' });
      const ok = await editor.upload('ntm-recognitions', 'cong-nhan.csv', recognitionsCsv(), sourceField);
      expect(ok.status).toBe(201);
      expect((await ok.json()).summary).toMatchObject({ create: 1, errors: 0 });
    } finally {
      await pool.close();
    }
  });

  it('refuses an XLSX whose reading runs out of the worker’s memory with 413, writes nothing, and the next table is read', { timeout: 120_000 }, async () => {
    const t = importApp({ workerMemoryMb: 40 });
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const before = t.count('ntm_recognitions');
    const big = await editor.upload('ntm-recognitions', 'lon.xlsx', await recognitionsWorkbook(16_000), sourceField);
    expect({ status: big.status, body: await big.json() }).toEqual({
      status: 413,
      body: {
        error: {
          code: 'import_too_large',
          message: expect.stringMatching(/^reading lon\.xlsx needed more than the 40 MB an import may use .*split the table/),
        },
      },
    });
    expect(t.count('ntm_recognitions')).toBe(before);
    const small = await editor.upload('ntm-recognitions', 'nho.xlsx', await recognitionsWorkbook(1), sourceField);
    expect(small.status).toBe(201);
  });
});

describe('the pool of import check workers', () => {
  const pools: ReturnType<typeof createCheckPool>[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));
  const job = (fileName: string, bytes = zonesFile(1)): MapFileJob => ({
    fileName,
    bytes,
    limits: DEFAULT_IMPORT_LIMITS,
    layer: null,
    crs: null,
    localCrs: 'EPSG:9205',
    units: [],
  });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: ApiError) => ({ status: e.status, code: e.code, message: e.message }),
    );

  it('fails only the preview whose worker dies or throws, with a 500 envelope, and checks the next file', { timeout: 120_000 }, async () => {
    const pool = createCheckPool({ memoryMb: 128, entry: new URL('./fixtures/failing-check-worker.ts', import.meta.url) });
    pools.push(pool);
    const failed = { status: 500, code: 'import_failed', message: expect.stringContaining('nothing was imported') };
    expect(await refusal(pool.readMap(job('exit.geojson')))).toEqual({ ...failed, message: expect.stringContaining('checking exit.geojson failed') });
    expect(await refusal(pool.readMap(job('throw.geojson')))).toEqual(failed);
    const file = await pool.readMap(job('ok.geojson'));
    expect(file.features).toHaveLength(1);
    expect(file.shapes[0]).toMatchObject({ overlap: { parts: [] } });
    // A refusal of the file itself keeps its status and code.
    expect(await refusal(pool.readMap(job('rong.geojson', new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'))))).toEqual({
      status: 400,
      code: 'invalid_file',
      message: 'rong.geojson holds no features',
    });
  });

  it('runs one check at a time, queues a few more in order, and refuses past that with 503', { timeout: 120_000 }, async () => {
    const pool = createCheckPool({ memoryMb: 128, size: 1, maxWaiting: 2 });
    pools.push(pool);
    const done: string[] = [];
    const runs = ['a', 'b', 'c'].map((n) => pool.readMap(job(`${n}.geojson`)).then(() => done.push(n)));
    expect(await refusal(pool.readMap(job('d.geojson')))).toEqual({ status: 503, code: 'busy', message: expect.stringContaining('try again') });
    await Promise.all(runs);
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('is the one the app is given: past its queue an upload is answered 503 busy with Retry-After', { timeout: 120_000 }, async () => {
    const pool = createCheckPool({ memoryMb: 128, size: 1, maxWaiting: 0 });
    pools.push(pool);
    const t = importApp({}, Date.now, pool);
    const editor = await t.user('zones1', 'editor', ['zones']);
    const upload = (name: string) =>
      editor.upload(
        'zones',
        `${name}.geojson`,
        zonesFile(1, () => `Vùng chè ${name}`),
        sourceField,
      );
    const answers = await Promise.all([upload('a'), upload('b')]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 503]);
    const busy = answers.find((r) => r.status === 503)!;
    expect(busy.headers.get('Retry-After')).toBe('5');
    expect((await busy.json()).error.code).toBe('busy');
  });
});
