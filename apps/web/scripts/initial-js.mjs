// Prints the JavaScript a cold load of each main route fetches before it can render: the entry
// chunk, the route's lazy page chunk, and every chunk they import statically (from Vite's
// manifest), with gzip and brotli sizes. The budget: the dashboard ≤ 250 KB gzipped.
// Also names any chunk that carries TypeBox: the API validates with it, the web app only needs the
// domain's plain functions and constants, and one value import from a schema module drags ~13 KB gz in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_GZ = 250 * 1024;
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const pages = {
  dashboard: 'src/features/dashboard/DashboardPage.tsx',
  rounds: 'src/features/rounds/RoundListPage.tsx',
  tree: 'src/features/tree/TreePage.tsx',
  measure: 'src/features/measure/MeasurePage.tsx',
  login: 'src/features/auth/LoginPage.tsx',
};

function staticClosure(keys) {
  const seen = new Set();
  const walk = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) walk(dep);
  };
  keys.forEach(walk);
  return [...seen].map((k) => manifest[k].file);
}

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const body = readFileSync(join(dist, file));
    sizes.set(file, { raw: body.length, gz: gzipSync(body, { level: 9 }).length, br: brotliCompressSync(body).length });
  }
  return sizes.get(file);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let over = false;
console.log('route       chunks   raw        gzip       brotli');
for (const [route, page] of Object.entries(pages)) {
  if (!manifest[page]) { console.log(`${route.padEnd(11)} (no chunk for ${page})`); continue; }
  const files = staticClosure([entryKey, page]);
  const total = files.map(size).reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
  const mark = route === 'dashboard' ? (total.gz <= BUDGET_GZ ? '  within the 250 KB budget' : `  OVER the 250 KB budget by ${kb(total.gz - BUDGET_GZ)}`) : '';
  if (route === 'dashboard' && total.gz > BUDGET_GZ) over = true;
  console.log(`${route.padEnd(11)} ${String(files.length).padStart(6)}   ${kb(total.raw).padEnd(10)} ${kb(total.gz).padEnd(10)} ${kb(total.br)}${mark}`);
}
const withTypeBox = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && readFileSync(join(dist, 'assets', f), 'utf8').includes('TypeBox.Kind'));
if (withTypeBox.length) console.log(`TypeBox in ${withTypeBox.join(', ')}: a value import from a domain schema module?`);
if (process.argv.includes('--check') && (over || withTypeBox.length)) process.exit(1);
