import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app; unknown non-API paths get index.html, or their route's page (client-side
 * routes; see readRoutePages). The build writes .br and .gz beside each text asset
 * (apps/web/scripts/precompress.mjs): those are sent when the browser accepts them
 * (Content-Encoding, Vary: Accept-Encoding), with no compression work per request. Hashed assets
 * are cached for a year; the pages are revalidated on every load, so a deploy is picked up at once.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string | undefined): Promise<PageFor | null> {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      const hashed = relative(webDir, filePath).split(sep)[0] === 'assets';
      res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
      // The same URL answers in br, gzip or plain: shared caches must key on Accept-Encoding.
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  return pageFor(readRoutePages(webDir, app));
}

/** The HTML page that answers a client-side route's path. */
export type PageFor = (path: string) => string;

interface RoutePage {
  path: RegExp;
  page: string;
}

/**
 * The build writes a page per route that most readers open first (index.html plus the route's
 * chunks as modulepreload links, apps/web/build/routePages.ts) and lists them here; any other path
 * gets index.html. A list that cannot be read is left out, with a warning: the pages still work.
 */
function readRoutePages(webDir: string, app: FastifyInstance): RoutePage[] {
  const file = join(webDir, '.vite', 'route-pages.json');
  if (!existsSync(file)) return [];
  try {
    const listed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(listed)) throw new Error('not a list');
    return listed.map((entry: { path?: unknown; page?: unknown }) => {
      if (typeof entry.path !== 'string' || typeof entry.page !== 'string' || !/^[\w-]+\.html$/.test(entry.page)) throw new Error(`bad entry ${JSON.stringify(entry)}`);
      if (!existsSync(join(webDir, entry.page))) throw new Error(`${entry.page} is missing`);
      return { path: new RegExp(entry.path), page: entry.page };
    });
  } catch (error) {
    app.log.warn({ file, err: error }, 'route pages not read: every route gets index.html');
    return [];
  }
}

function pageFor(pages: RoutePage[]): PageFor {
  return (path) => pages.find((p) => p.path.test(path))?.page ?? 'index.html';
}
