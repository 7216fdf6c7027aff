import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'browser', 'development', 'import', 'default'] },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // A page test renders antd in jsdom and clicks through it: ~8 s on a quiet 2-core machine,
    // over 20 s while the API suites run beside it. A hang still fails, a minute later.
    testTimeout: 60_000,
  },
});
