import { expect, test } from '@playwright/test';
import { demoRound, summaryOf } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

// Every page needs an account: the office may read and edit everything these specs touch.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'office');
});

const FITNESS = '室外健身器材配建管理办法';

test('the overdue measure is flagged red with its days overdue, on the dashboard and in the tree', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  const summary = await summaryOf(request, round.id);
  expect(summary.overdue).toHaveLength(1);
  const overdue = summary.overdue[0]!;
  expect(overdue.text).toContain(FITNESS);
  expect(overdue.daysOverdue).toBeGreaterThan(0);

  await page.goto(`/rounds/${round.id}`);
  const list = page.getByTestId('overdue-list');
  await expect(list.locator('.rectify-table-row')).toHaveCount(1);
  await expect(list.getByTestId('overdue-measure-link')).toContainText(FITNESS);
  const flag = list.getByTestId('overdue-flag');
  await expect(flag).toHaveText(`超期 ${overdue.daysOverdue} 天`);
  await expect(flag).toHaveClass(/ant-tag-red/);
  // The measure text itself is red too.
  const color = await list.getByTestId('overdue-measure-link').evaluate((el) => getComputedStyle(el).color);
  expect(color).toBe('rgb(207, 19, 34)');
  await expect(page.getByTestId('stat-overdue')).toContainText('1');

  // The tree: search for it, its ancestors stay, and it carries the red flag.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /问题清单/ }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/tree$`));
  await page.getByTestId('tree-search').getByRole('searchbox').fill('室外健身器材');
  const node = page.getByTestId(`tree-measure-${overdue.id}`);
  await expect(node).toBeVisible();
  await expect(node.getByTestId('tree-overdue-flag')).toHaveText(`超期 ${overdue.daysOverdue} 天`);
  await expect(node.getByTestId('tree-overdue-flag')).toHaveClass(/ant-tag-red/);
  await expect(node.locator('[data-status="in_progress"]')).toHaveText('整改中');
  // Only the matching branch is left: one category.
  await expect(page.locator('[data-testid^="tree-category-"]')).toHaveCount(1);

  // And the measure page says so as well.
  await node.getByRole('link', { name: /详情/ }).click();
  await expect(page.getByTestId('measure-overdue')).toHaveText(`超期 ${overdue.daysOverdue} 天`);
});
