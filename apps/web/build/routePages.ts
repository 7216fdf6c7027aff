import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface RoutePage {
  /** The page written beside index.html, e.g. dashboard.html. */
  page: string;
  /** The paths it answers (a regular expression's source), read by the server. */
  path: string;
  /** Modules the route renders at once: their chunks and their static imports. */
  modules: string[];
  /** Modules whose dynamic imports the route also requests as it matches (e.g. a page's sections). */
  dynamicImportsOf?: string[];
}

/** Where the server reads which page answers which paths (apps/api/src/plugins/web.ts). */
const ROUTE_PAGES_FILE = '.vite/route-pages.json';

/**
 * index.html with `<link rel="modulepreload">` for a route's chunks, one page per route. The browser
 * then fetches them while it parses the HTML, instead of once the entry has downloaded, run and
 * matched the route (~300 ms later on a cold dashboard, over HTTP/1.1's six connections). Only
 * chunks the entry does not already load are listed.
 */
export function routePages(routes: RoutePage[]): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'rectify:route-pages',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    writeBundle(options, bundle) {
      const outDir = options.dir ?? join(root, 'dist');
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (files: string[], seen = new Set<string>()): Set<string> => {
        for (const file of files) {
          if (seen.has(file)) continue;
          seen.add(file);
          closure(byFile.get(file)?.imports ?? [], seen);
        }
        return seen;
      };
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) throw new Error('route pages: no entry chunk');
      const loadedByEntry = closure([entry.fileName]);
      const chunkOf = (id: string) => {
        const chunk = chunks.find((c) => c.facadeModuleId === id) ?? chunks.find((c) => c.moduleIds.includes(id));
        if (!chunk) throw new Error(`route pages: no chunk holds ${id}`);
        return chunk.fileName;
      };
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const pages = routes.map((route) => {
        const ids = route.modules.map((m) => resolve(root, m));
        for (const of of route.dynamicImportsOf ?? []) {
          const info = this.getModuleInfo(resolve(root, of));
          if (!info) throw new Error(`route pages: ${of} is not in the build`);
          ids.push(...info.dynamicallyImportedIds);
        }
        const files = [...closure(ids.map(chunkOf))].filter((f) => !loadedByEntry.has(f));
        const links = files.map((f) => `    <link rel="modulepreload" crossorigin href="${base}${f}">`).join('\n');
        writeFileSync(join(outDir, route.page), html.replace('</head>', `${links}\n  </head>`));
        return { path: route.path, page: route.page };
      });
      mkdirSync(dirname(join(outDir, ROUTE_PAGES_FILE)), { recursive: true });
      writeFileSync(join(outDir, ROUTE_PAGES_FILE), `${JSON.stringify(pages, null, 2)}\n`);
    },
  };
}
