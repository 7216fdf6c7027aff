import { defineConfig } from 'vitest/config';

// "source" resolves workspace packages to their TypeScript, so tests never run stale dist/ output.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: { include: ['test/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 30_000 },
});
