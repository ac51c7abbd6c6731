import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The client may import only isomorphic code (the catalog, domain rules, geo builders, messages),
 * and the server never imports the client. This runs the project's own Biome configuration over
 * probe files in a scratch tree and checks that crossing either boundary fails the lint that
 * `npm test` starts with, and that allowed imports pass. Biome keeps a rule's options from the last
 * override that matches a file, so the isomorphic folders repeat the server's rule: the probes in
 * server/catalog, geo and domain check both hold there.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');
const dir = mkdtempSync(join(tmpdir(), 'boundary-'));
cpSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(file: string, source: string): { ok: boolean; output: string } {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${source}\nexport const probe = 1;\n`);
  try {
    return { ok: true, output: execFileSync(BIOME, ['lint', '--vcs-enabled=false', file], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    return { ok: false, output: `${err.stdout}${err.stderr}` };
  }
}

describe('the client boundary lint rule', () => {
  it.each([
    ['client/probe-db.ts', "import { openDatabase } from '../server/db/open.ts';"],
    ['client/ui/probe-routes.ts', "import { detailRoutes } from '../../server/routes/details.ts';"],
    ['client/lib/probe-http.ts', "import type { ApiError } from '../../server/http/errors.ts';"],
    ['client/probe-node.ts', "import { readFileSync } from 'node:fs';"],
    ['client/probe-sqlite.ts', "import Database from 'better-sqlite3';"],
    ['server/catalog/probe.ts', "import { openDatabase } from '../db/open.ts';"],
    ['server/geo/probe.ts', "import type { Snapshot } from '../db/snapshot.ts';"],
    ['server/domain/probe.ts', "import { join } from 'node:path';"],
    ['server/downloads/probe-client.ts', "import { REGISTRY } from '../../client/layers/registry.ts';"],
    ['server/probe-client.ts', "import { appTitle } from '../client/ui/i18n.ts';"],
    ['server/catalog/probe-client.ts', "import type { Lang } from '../../client/lib/label.ts';"],
    ['server/messages/probe-client.ts', "export { formatDate } from '../../client/lib/format.ts';"],
  ])('%s: %s fails', (file, source) => {
    const { ok, output } = lint(file, source);
    expect(ok).toBe(false);
    expect(output).toContain('noRestrictedImports');
  });

  it.each([
    ['client/probe-ok.ts', "import { CATALOG } from '../server/catalog/index.ts';\nimport { statusAsOf } from '../server/domain/as-of.ts';"],
    ['server/routes/probe-ok.ts', "import { openDatabase } from '../db/open.ts';"],
    ['server/downloads/probe-ok.ts', "import { REGISTRY } from '../catalog/layer-registry.ts';\nimport { appTitle } from '../messages/app-title.ts';"],
    ['client/ui/probe-ok.ts', "import { REGISTRY } from '../../server/catalog/layer-registry.ts';\nimport { t } from '../../client/ui/i18n.ts';"],
  ])('%s: allowed imports pass', (file, source) => {
    const { ok, output } = lint(file, source);
    expect(output).not.toContain('noRestrictedImports');
    expect(ok).toBe(true);
  });
});
