import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app; unknown non-API paths get index.html (client-side routes). The build
 * writes .br and .gz beside each text asset (apps/web/scripts/precompress.mjs): those are sent when
 * the browser accepts them (Content-Encoding, Vary: Accept-Encoding), with no compression work per
 * request. Hashed assets are cached for a year; index.html is revalidated on every load, so a
 * deploy is picked up at once.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string | undefined): Promise<boolean> {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return false;
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
  return true;
}
