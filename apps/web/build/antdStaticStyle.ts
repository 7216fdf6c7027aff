import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ReactNode } from 'react';
import type * as Antd from 'antd';
import type * as CssInJs from '@ant-design/cssinjs';
import type { Plugin } from 'vite';
import { theme } from '../src/app/theme';
import { antdCatalogue } from './antdCatalogue';

const require = createRequire(import.meta.url);

/**
 * antd's styles for the app's theme as one stylesheet, made at build time (antd's "whole export"
 * way: @ant-design/cssinjs's extractStyle). The sheet ends with the map of the styles it holds;
 * in the browser antd reads that map and, for each style in it, injects nothing: no style objects
 * built, serialised and hashed on the page's first render, the main thread's largest cost after
 * React's own in a cold dashboard's profile. A style not in the sheet (another theme, e.g. motion
 * off for readers who ask for less motion; a component not in the catalogue) is made in the
 * browser as before.
 */
export function antdStyleSheetText(): string {
  // antd's CommonJS build and the @ant-design/cssinjs it requires: one instance, so the cache
  // the components write into is the one extracted.
  const antd = require('antd') as typeof Antd;
  const fromAntd = createRequire(require.resolve('antd'));
  const { createCache, extractStyle, StyleProvider } = fromAntd('@ant-design/cssinjs') as typeof CssInJs;
  const { renderToString } = fromAntd('react-dom/server') as typeof import('react-dom/server');
  const { createElement } = fromAntd('react') as typeof import('react');
  const cache = createCache();
  const quiet = silenceSsrWarnings();
  try {
    for (const draw of Object.values(antdCatalogue)) {
      const themed: ReactNode = createElement(antd.ConfigProvider, { theme }, draw(antd));
      renderToString(createElement(StyleProvider, { cache }, themed));
    }
  } finally {
    quiet();
  }
  return extractStyle(cache, { plain: true });
}

/** Portals and open overlays warn that they do not render on a server: they need not, their styles register as they render. */
function silenceSsrWarnings(): () => void {
  const { error, warn } = console;
  const ssr = (args: unknown[]) => /only work in client side|in SSR is not work|useLayoutEffect does nothing on the server/.test(String(args[0]));
  console.error = (...args: unknown[]) => (ssr(args) ? undefined : error(...args));
  console.warn = (...args: unknown[]) => (ssr(args) ? undefined : warn(...args));
  return () => {
    console.error = error;
    console.warn = warn;
  };
}

/** Emits assets/antd-<hash>.css and links it first in index.html's head, where antd's own style elements would go. */
export function antdStaticStyle(): Plugin {
  let fileName = '';
  let base = '/';
  return {
    name: 'rectify:antd-static-style',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      const source = antdStyleSheetText();
      fileName = `assets/antd-${createHash('sha256').update(source).digest('hex').slice(0, 10)}.css`;
      this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'link', attrs: { rel: 'stylesheet', href: `${base}${fileName}` }, injectTo: 'head-prepend' }],
    },
  };
}
