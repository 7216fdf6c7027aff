import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// `source` first so workspace packages (e.g. @rectify/domain) resolve to their TypeScript
// source instead of a build that may not exist yet; the defaults stay after it.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
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
});
