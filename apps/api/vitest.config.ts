import { defineConfig } from 'vitest/config';

// "source" resolves workspace packages to their TypeScript, so tests never run stale dist/ output.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; running them one at a time keeps the 2-core machine calm.
    fileParallelism: false,
  },
});
