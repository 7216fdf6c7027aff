import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { demoRound, summaryOf } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

// Every page needs an account: the office may read and edit everything these specs touch.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'office');
});

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');
const numerals = ['一', '二', '三', '四', '五'];

test('the dashboard shows the five categories and antd speaks Chinese', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  const summary = await summaryOf(request, round.id);
  expect(summary.byCategory).toHaveLength(5);

  // The start page goes straight to the only round's dashboard.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: /整改工作看板/ })).toBeVisible();

  const titles = page.getByTestId('category-counts').getByTestId('category-title');
  await expect(titles).toHaveCount(5);
  for (const [i, c] of summary.byCategory.entries()) {
    await expect(titles.nth(i)).toHaveText(`（${numerals[i]}）${c.title}`);
    expect(c.title).toMatch(/[\u4e00-\u9fff]/);
  }
  await expect(titles.nth(0)).toContainText('聚焦贯彻落实党的理论和路线方针政策');

  await expect(page.getByTestId('completion-detail')).toHaveText(`已销号 ${round.totals.closed} / 共 ${round.totals.measures} 项`);
  await expect(page.getByTestId('stat-measures')).toContainText('47');
  await expect(page.getByTestId('chart-category').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-leader').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // The list comes a page (20) at a time from the server; "加载更多" fetches the next one.
  const list = page.getByTestId('measure-list');
  await expect(list.getByTestId('measure-list-more-count')).toHaveText(`已显示 ${Math.min(20, round.totals.measures)} / 共 ${round.totals.measures} 项`);
  await list.getByTestId('measure-list-more').click();
  await expect(list.getByTestId('measure-list-more-count')).toHaveText(`已显示 ${Math.min(40, round.totals.measures)} / 共 ${round.totals.measures} 项`);

  // Clicking a category row filters the list; a category with no overdue measure then shows only
  // its own measures, and the filter can be removed again.
  await page.getByTestId(`category-row-${summary.byCategory[0]!.categoryId}`).click();
  await expect(page.getByTestId('measure-filter')).toContainText('方面：（一）');
  await expect(list.locator('.rectify-table-row')).toHaveCount(Math.min(20, summary.byCategory[0]!.total));
  await page.getByTestId('clear-filter').click();
  await expect(page.getByTestId('measure-filter')).toHaveCount(0);
  await expect(page.getByTestId('measure-list-total')).toHaveText(`共 ${round.totals.measures} 项`);

  // Clicking a bar of the leader chart filters by that leader.
  const leaderRows = page.getByTestId('chart-leader-row');
  const second = leaderRows.nth(1);
  const leaderName = (await second.locator('th').textContent())!.trim();
  const leaderTotal = (await second.getByTestId('total-count').textContent())!.trim();
  await page.getByTestId('chart-leader').locator('.recharts-bar-rectangle path').nth(1).click();
  await expect(page.getByTestId('measure-filter')).toContainText(`责任领导：${leaderName}`);
  await expect(page.getByTestId('measure-list-total')).toHaveText(`共 ${leaderTotal} 项`);
  await page.getByTestId('measure-filter').locator('.ant-tag-close-icon').click();
  await expect(page.getByTestId('measure-filter')).toHaveCount(0);
});

test('the measure list is searched, filtered and sorted, and the URL keeps the view for sharing and export', async ({ page }) => {
  test.setTimeout(90_000);
  const request = page.request;
  const round = await demoRound(request);
  const summary = await summaryOf(request, round.id);
  await page.goto(`/rounds/${round.id}`);
  const total = page.getByTestId('measure-list-total');
  await expect(total).toHaveText(`共 ${summary.totals.measures} 项`);

  // Search: the API's count of the same question.
  const matching = (await (await request.get(`/api/measures?roundId=${round.id}&q=${encodeURIComponent('健身')}&limit=1`)).json()) as { total: number };
  expect(matching.total).toBeGreaterThan(0);
  const search = page.getByRole('searchbox', { name: '搜索措施内容' });
  await search.fill('健身');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=%E5%81%A5%E8%BA%AB/);
  await expect(total).toHaveText(`共 ${matching.total} 项`);
  await search.fill('');
  await search.press('Enter');
  await expect(total).toHaveText(`共 ${summary.totals.measures} 项`);

  // Overdue only: the one overdue measure.
  const overdueOnly = page.getByRole('checkbox', { name: '只看超期' });
  // The box shows what the URL says: click, then wait for the URL (check() wants the state at once).
  await overdueOnly.click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(overdueOnly).toBeChecked();
  await expect(total).toHaveText(`共 ${summary.totals.overdue} 项`);
  await expect(page.getByTestId(`measure-row-${summary.overdue[0]!.id}`)).toBeVisible();
  await overdueOnly.click();
  await expect(overdueOnly).not.toBeChecked();

  // Sorted by deadline, latest first: the first row has the latest deadline of the round.
  await page.getByTestId('list-sort').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '按完成时限' }).click();
  await expect(page).toHaveURL(/sort=deadline/);
  await page.getByTestId('list-direction').click();
  await expect(page).toHaveURL(/sort=deadline&dir=desc/);
  const latest = (await (await request.get(`/api/measures?roundId=${round.id}&sort=deadline&direction=desc&limit=1`)).json()) as { items: { id: number }[] };
  await expect(page.getByTestId('measure-list').locator('tbody tr.rectify-table-row').first()).toHaveAttribute('data-testid', `measure-row-${latest.items[0]!.id}`);

  // The same view from its URL, with its export carrying the filters.
  await page.goto(`/rounds/${round.id}?status=closed&sort=deadline&dir=desc`);
  await expect(total).toHaveText(`共 ${summary.totals.closed} 项`);
  await expect(page.getByTestId('list-status')).toContainText('已销号');
  await page.getByTestId('export-list').click();
  await page.getByTestId('export-list-more').click();
  await expect(page).toHaveURL(/\/documents\?status=closed$/);
});

test('an empty result shows antd’s Chinese empty text', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  // A search nothing matches (an unknown leader id is refused now: ids are checked against the account's unit).
  await page.goto(`/rounds/${round.id}?q=${encodeURIComponent('没有这样的整改措施')}`);
  await expect(page.getByTestId('measure-list').locator('.ant-empty-description')).toHaveText('暂无数据');
});

test('screenshot of the dashboard', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('chart-department').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('measure-list').locator('.rectify-table-row').first()).toBeVisible();
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, 'dashboard.png'), fullPage: true });
});

// The e2e browser asks for less motion, whose antd theme is made on the page; a reader who does
// not ask gets antd's styles from the stylesheet made at build time (apps/web/build/antdStaticStyle.ts).
test.describe('antd styles from the build-time stylesheet', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the dashboard draws with the sheet, and makes no component styles of its own', async ({ page }) => {
    const round = await demoRound(page.request);
    await page.goto(`/rounds/${round.id}`);
    await expect(page.getByTestId('measure-list').locator('.rectify-table-row').first()).toBeVisible();
    await expect(page.locator('link[rel="stylesheet"][href^="/assets/antd-"]')).toHaveCount(1);

    const madeOnPage = await page.evaluate(() => Array.from(document.querySelectorAll('style[data-css-hash]'), (s) => s.textContent ?? ''));
    for (const component of ['.ant-btn', '.ant-checkbox', '.ant-select', '.ant-tag', '.ant-layout', '.ant-descriptions']) {
      expect(madeOnPage.filter((css) => css.includes(`${component}{`)), `${component} made on the page`).toEqual([]);
    }
    // The sheet's rules apply: the theme's radius, the locale's fonts through --rectify-font.
    const button = page.getByTestId('dashboard').locator('.ant-btn').first();
    const style = await button.evaluate((el) => ({ radius: getComputedStyle(el).borderRadius, font: getComputedStyle(el).fontFamily }));
    expect(style.radius).toBe('4px');
    expect(style.font).toContain('WenQuanYi Micro Hei');

    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, 'dashboard-static-styles.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(outputDir, 'dashboard-static-styles-390.png'), fullPage: true });
  });
});
