// @vitest-environment node
// (antd's portals render only where there is no DOM, as at build time.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { Button } from 'antd';
import { antdCatalogue } from '../../build/antdCatalogue';
import { antdStyleSheetText } from '../../build/antdStaticStyle';
import { Providers } from './Providers';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The components (capitalised values, not types) each `import { … } from 'antd'` in src/ names. */
function antdComponentsImported(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(join(__dirname, '..'))) {
    for (const [, list] of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)) {
      for (const item of list!.split(',').map((s) => s.trim())) {
        const name = item.split(/\s+as\s+/)[0]!;
        if (name && !name.startsWith('type ') && /^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

describe('antd stylesheet made at build time', () => {
  it('draws every antd component the app imports', () => {
    const imported = [...antdComponentsImported()];
    expect(imported.length).toBeGreaterThan(20);
    expect(imported.filter((name) => !(name in antdCatalogue))).toEqual([]);
  });

  // The sheet is used only where the browser's theme hashes to the sheet's: a token that varied by
  // locale or reader again would quietly send every page back to making its styles at run time.
  it("holds the styles of the app's theme as the browser computes it, with the map antd reads", () => {
    const sheet = antdStyleSheetText();
    const page = renderToString(
      <Providers>
        <Button>x</Button>
      </Providers>,
    );
    const hashClass = /<button[^>]*class="[^"]*\b(css-[a-z0-9-]+)/.exec(page)?.[1];
    expect(hashClass).toBeDefined();
    expect(sheet).toContain(`:where(.${hashClass}).ant-btn`);
    expect(sheet).toContain(`:where(.${hashClass}).ant-table`);
    expect(sheet).toMatch(/\.data-ant-cssinjs-cache-path\{content:"[^"]*Button-Button\|ant-btn/);
    expect(sheet).toContain('var(--rectify-font)');
  });
});
