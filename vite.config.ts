import { defineConfig } from 'vitest/config';

/** The client is built from client/ into dist/client, which the Hono server serves at `/`. */
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8787' } },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20000,
  },
});
