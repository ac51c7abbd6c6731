import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/build/precompress.ts';

/** The client is built from client/ into dist/client, which the Hono server serves at `/` (br and gzip copies written beside each text file). */
export default defineConfig({
  root: 'client',
  plugins: [preact(), precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 2500, assetsInlineLimit: 0 },
  // `npm run dev`: the client with hot reload, the API from `npm start`. Patterns, not prefixes: '/api' alone
  // would also send the client's own module /api.ts to the server.
  server: { proxy: { '^/api/': 'http://127.0.0.1:8787', '^/ogc(/|\\?|$)': 'http://127.0.0.1:8787' } },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // The browser tests render with a software GPU; two at once on a 2-core machine starve each other.
    fileParallelism: false,
    testTimeout: 20000,
    // expect.poll waits for what the browser or a worker thread does next; on a busy 2-core machine that takes
    // seconds, not vitest's default one.
    expect: { poll: { timeout: 10000 } },
  },
});
