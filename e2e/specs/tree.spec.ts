import { expect, test, type Page } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

// Every page needs an account: the office may read and edit everything these specs touch.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'office');
});

const CATEGORY = 'E2E 测试方面（可删除）';
const PROBLEM = 'E2E 测试问题';

async function saveModal(page: Page) {
  await page.locator('.ant-modal:visible .ant-btn-primary').click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
}

async function confirmDelete(page: Page, row: ReturnType<Page['locator']>) {
  await row.getByRole('button', { name: '删除' }).first().click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: /删\s*除/ }).click();
}

test('categories and problems are created and deleted from the tree; HAS_CHILDREN is explained', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  await page.goto(`/rounds/${round.id}/tree`);
  await expect(page.getByTestId('tree-page')).toBeVisible();

  try {
    await page.getByRole('button', { name: /新增方面/ }).click();
    await page.locator('.ant-modal:visible').getByLabel('标题').fill(CATEGORY);
    await saveModal(page);
    const category = page.locator('[data-testid^="tree-category-"]').filter({ hasText: CATEGORY });
    await expect(category).toBeVisible();
    await expect(category).toContainText('（六）');

    await category.getByRole('button', { name: '新增问题' }).click();
    await page.locator('.ant-modal:visible').getByLabel('标题').fill(PROBLEM);
    await saveModal(page);
    await expect(page.locator('[data-testid^="tree-problem-"]').filter({ hasText: PROBLEM })).toBeVisible();

    // A category with a problem under it cannot go: the server says why, in Chinese.
    await confirmDelete(page, category);
    await expect(page.locator('.ant-notification')).toContainText('无法删除：请先删除其下级内容');
    await expect(category).toBeVisible();

    await confirmDelete(page, page.locator('[data-testid^="tree-problem-"]').filter({ hasText: PROBLEM }));
    await expect(page.locator('[data-testid^="tree-problem-"]').filter({ hasText: PROBLEM })).toHaveCount(0);
    await confirmDelete(page, category);
    await expect(category).toHaveCount(0);
  } finally {
    // Leave the demo round as it was even if a step failed.
    const tree = (await (await request.get(`/api/rounds/${round.id}/tree`)).json()) as {
      categories: { id: number; title: string; version: number; problems: { id: number; version: number }[] }[];
    };
    for (const c of tree.categories.filter((x) => x.title === CATEGORY)) {
      for (const p of c.problems) await request.delete(`/api/problems/${p.id}`);
      await request.delete(`/api/categories/${c.id}`);
    }
  }
});
