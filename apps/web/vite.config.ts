import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';
import { antdStaticStyle } from './build/antdStaticStyle';
import { routePages } from './build/routePages';

// react-router's package exports offer only its development build (dev warnings on). The production
// build beside it is the same code with the warnings off; a production bundle takes that one. Exact
// matches: `react-router/dom` imports its chunks relatively, so both resolve to the one copy.
const reactRouterDist = join(dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist/production');
const reactRouterProduction = [
  { find: /^react-router$/, replacement: join(reactRouterDist, 'index.mjs') },
  { find: /^react-router\/dom$/, replacement: join(reactRouterDist, 'dom-export.mjs') },
];

// `source` first so workspace packages (e.g. @rectify/domain) resolve to their TypeScript
// source instead of a build that may not exist yet; the defaults stay after it.
export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    antdStaticStyle(),
    // A round's dashboard, the page most readers open first: its code and its sections' code.
    routePages([
      {
        page: 'dashboard.html',
        path: '^/rounds/\\d+/?$',
        modules: ['src/features/dashboard/DashboardPage.tsx'],
        dynamicImportsOf: ['src/features/dashboard/sections.ts'],
      },
    ]),
  ],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    alias: command === 'build' ? reactRouterProduction : [],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // dist/.vite/manifest.json: lets scripts/initial-js.mjs add up what each route loads first.
    manifest: true,
  },
}));
