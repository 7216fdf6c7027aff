import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Prints an HTML page to PDF with the machine's headless chromium (Debian's package). */
export interface PdfPrinter {
  available(): boolean;
  print(html: string): Promise<Buffer>;
}

export function chromiumPrinter(executable = process.env.RECTIFY_CHROMIUM ?? '/usr/bin/chromium'): PdfPrinter {
  return {
    available: () => existsSync(executable),
    async print(html) {
      const dir = await mkdtemp(join(tmpdir(), 'rectify-pdf-'));
      try {
        const page = join(dir, 'report.html');
        const out = join(dir, 'report.pdf');
        await writeFile(page, html);
        await new Promise<void>((resolve, reject) => {
          execFile(
            executable,
            [
              '--headless',
              '--no-sandbox',
              '--disable-gpu',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
              `--user-data-dir=${join(dir, 'profile')}`,
              '--no-pdf-header-footer',
              `--print-to-pdf=${out}`,
              pathToFileURL(page).href,
            ],
            { timeout: 60_000 },
            (error) => (error && !existsSync(out) ? reject(error) : resolve()),
          );
        });
        return await readFile(out);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
