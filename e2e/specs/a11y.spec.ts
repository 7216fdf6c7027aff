import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { demoRound, summaryOf } from '../fixtures/api';
import { signIn, type DemoRole } from '../fixtures/auth';
import { PHONE } from '../fixtures/screen';

// Pages load slowly on a busy 2-core machine: wait longer than the default for what must appear.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Serious and critical WCAG 2.2 AA violations of the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The demo round's public page (群众监督), switched on through the API if it is off; its path. */
async function publicPath(page: Page, roundId: number): Promise<string> {
  const settings = (await (await page.request.get(`/api/rounds/${roundId}/public-page`)).json()) as { enabled: boolean; path: string | null; version: number };
  if (settings.enabled && settings.path) return settings.path;
  const res = await page.request.patch(`/api/rounds/${roundId}/public-page`, { data: { enabled: true, version: settings.version } });
  baseExpect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { path: string }).path;
}

async function pages(page: Page) {
  const round = await demoRound(page.request);
  const publicPage = await publicPath(page, round.id);
  const measureId = (await summaryOf(page.request, round.id)).overdue[0]?.id ?? 1;
  return [
    { name: 'dashboard', role: 'office', url: `/rounds/${round.id}`, ready: 'measure-list' },
    { name: 'tree', role: 'office', url: `/rounds/${round.id}/tree`, ready: 'tree-page' },
    { name: 'measure', role: 'office', url: `/measures/${measureId}`, ready: 'measure-text' },
    { name: 'tasks', role: 'officer', url: '/tasks', ready: 'tasks-page' },
    { name: 'closures', role: 'office', url: '/closures?state=all', ready: 'closures-page' },
    { name: 'import', role: 'office', url: '/import', ready: null },
    { name: 'people', role: 'office', url: '/people', ready: 'people-page' },
    { name: 'follow-ups', role: 'office', url: `/rounds/${round.id}/follow-ups`, ready: 'follow-ups-page' },
    { name: 'registers', role: 'office', url: `/rounds/${round.id}/registers`, ready: 'registers-page' },
    { name: 'meetings', role: 'office', url: `/rounds/${round.id}/registers?tab=meetings`, ready: 'meeting-list' },
    { name: 'leading group', role: 'office', url: `/rounds/${round.id}/registers?tab=group`, ready: 'leading-group' },
    { name: 'new round', role: 'office', url: '/rounds/new', ready: 'new-round-unit' },
    { name: 'opinions', role: 'office', url: '/opinions', ready: 'opinions-page' },
    { name: 'public page', role: 'office', url: publicPage, ready: 'public-form' },
  ] as { name: string; role: DemoRole; url: string; ready: string | null }[];
}

for (const [label, device] of [['desktop', {}], ['phone', PHONE]] as const) {
  test.describe(`accessibility on ${label}`, () => {
    test.use(device);

    test('the sign-in page has no serious or critical violation', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByTestId('login-page')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the signed-in pages have no serious or critical violation', async ({ page }) => {
      test.setTimeout(180_000);
      let role: DemoRole | null = null;
      const found: string[] = [];
      for (const p of await (async () => {
        await signIn(page, 'office');
        return pages(page);
      })()) {
        if (p.role !== role) {
          await page.context().clearCookies();
          await signIn(page, p.role);
          role = p.role;
        }
        await page.goto(p.url);
        if (p.ready) await expect(page.getByTestId(p.ready).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        for (const v of await violations(page)) found.push(`${p.name}: ${v}`);
      }
      expect(found).toEqual([]);
    });
  });
}
