import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under dir whose name matches, for the lint tests that read the code itself. */
export function sourceFiles(dir: string, names = /\.(ts|tsx|mts|cts|js|mjs)$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path, names);
    return names.test(e.name) ? [path] : [];
  });
}

/** The code without its comments (block, line, HTML and SQL comments). */
export const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*--.*$/gm, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
