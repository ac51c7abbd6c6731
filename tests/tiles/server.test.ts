import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../scripts/national/synthesize.ts';
import { writeDataset } from '../../scripts/national/write.ts';
import { freePort, listening, spawnServer, stopServer } from '../helpers/server-process.ts';

/** The built server (npm start) with NATIONAL_DIR: tiles served, or a one-line refusal at start. */
const dir = mkdtempSync(join(tmpdir(), 'national-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('NATIONAL_DIR', () => {
  it('serves the dataset’s tiles from the built server, saying it is synthetic', async () => {
    const data = join(dir, 'national');
    writeDataset(data, synthesize({ seed: 3, scale: 0.01 }));
    const server = spawnServer({ PORT: String(await freePort()), DB_PATH: join(dir, 'ok.db'), CLIENT_DIR: join(dir, 'none'), NATIONAL_DIR: data });
    try {
      const origin = await listening(server);
      const list = await (await fetch(`${origin}/api/tiles`)).json();
      expect(list.synthetic).toBe(true);
      const tile = await fetch(`${origin}/api/tiles/national-provinces-2020/0/0/0.pbf`);
      expect(tile.status).toBe(200);
      expect(tile.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
      expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(0);
      expect(server.output()).toMatch(/SYNTHETIC national dataset/);
    } finally {
      await stopServer(server);
    }
  });

  it('refuses to start on a folder that is not a dataset, in one line', async () => {
    const server = spawnServer({
      PORT: String(await freePort()),
      DB_PATH: join(dir, 'bad.db'),
      CLIENT_DIR: join(dir, 'none'),
      NATIONAL_DIR: join(dir, 'empty'),
    });
    const exit = await server.exited;
    expect(exit.code).toBe(1);
    expect(server.output()).toMatch(/^error: NATIONAL_DIR .*empty has no manifest\.json: generate the dataset with "npm run national/m);
  });
});
