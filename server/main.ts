import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { scheduleDailyBackups } from './db/backup-schedule.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { ensureProvince } from './db/province.ts';
import { isEmpty, readGeodata, readGeodataFile, seedDatabase } from './db/seed.ts';

const config = readConfig();
const db = openDatabase(config.dbPath);
const applied = migrate(db);
if (applied.length) console.log(`database ${config.dbPath}: applied migrations ${applied.join(', ')}`);
if (isEmpty(db)) {
  seedDatabase(db, readGeodata(config.geodataDir));
  console.log(`database ${config.dbPath}: seeded from ${config.geodataDir}`);
}
if (ensureProvince(db, () => readGeodataFile(config.geodataDir, 'province.json'))) console.log(`database ${config.dbPath}: province record added from ${config.geodataDir}`);
if (!existsSync(config.clientDir)) console.warn(`no built client at ${config.clientDir}: run "npm run build" to serve the map at /`);

const app = createApp({
  db,
  config: { clientDir: existsSync(config.clientDir) ? config.clientDir : null, geodataDir: config.geodataDir, basemap: config.basemap, auth: config.auth },
});
const stopBackups = scheduleDailyBackups(db, config.backup);
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`NTM & OCOP map: http://localhost:${info.port}/ (API at /api/)`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopBackups();
    server.close();
    db.close();
    process.exit(0);
  });
}
