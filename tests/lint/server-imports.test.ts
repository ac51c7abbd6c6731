import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/sources.ts';

/**
 * The dependency goes one way: the client imports the isomorphic server modules (catalog, domain,
 * geo, messages), and nothing under server/ imports the client. This reads every server module's
 * imports (static, dynamic, type-only and re-exports, as TypeScript finds them) and resolves them,
 * so it holds whatever the Biome rule's patterns (biome.json, tests/lint/boundary.test.ts) match.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLIENT = join(ROOT, 'client');

/** The specifiers of a module that resolve into client/. */
function clientImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => {
      const target = spec.startsWith('.') ? resolve(dirname(file), spec) : join(ROOT, spec);
      return target === CLIENT || target.startsWith(CLIENT + sep);
    });
}

describe('server/ never imports client/', () => {
  it('finds a client import however it is written', () => {
    const file = join(ROOT, 'server', 'downloads', 'probe.ts');
    const source = [
      "import type { Lang } from '../../client/lib/label.ts';",
      "export { REGISTRY } from '../../client/layers/registry.ts';",
      "const i18n = await import('../../client/ui/i18n.ts');",
      "import { CATALOG } from '../catalog/index.ts';",
      "import { Hono } from 'hono';",
    ].join('\n');
    expect(clientImports(file, source)).toEqual(['../../client/lib/label.ts', '../../client/layers/registry.ts', '../../client/ui/i18n.ts']);
  });

  it('no server module imports a client module', () => {
    const files = sourceFiles(join(ROOT, 'server'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => clientImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)}: ${spec}`));
    expect(found).toEqual([]);
  });
});
