import { defineConfig } from 'vitest/config';

// One run over every package's own vitest config, so the whole suite reports one total.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
