import { expect, test } from '@playwright/test';
import { demoRound, findMeasures, getMeasure, patchMeasure, summaryOf } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

// The office edits the hierarchy and measures, and reopens closed ones.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'office');
});

test('a closed measure is locked; reopening it moves the dashboard chart without a reload, then restores', async ({ page }) => {
  // Dashboard → measure → reopen → history → dashboard: 17 s alone, past 30 s once in the full CI run.
  test.setTimeout(60_000);
  const request = page.request;
  const round = await demoRound(request);
  const summary = await summaryOf(request, round.id);
  const category = summary.byCategory.find((c) => c.ordinal === 2)!;
  const { items } = await findMeasures(request, {
    roundId: round.id,
    categoryId: category.categoryId,
    status: 'closed',
    sort: 'position',
    limit: 1,
  });
  const original = await getMeasure(request, items[0]!.id);
  expect(original.status).toBe('closed');

  try {
    await page.goto(`/rounds/${round.id}`);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const closedCell = page.getByTestId(`category-row-${category.categoryId}`).getByTestId('closed-count');
    await expect(closedCell).toHaveText(String(category.closed));

    // To the measure through the filtered list (client-side navigation).
    await page.getByTestId(`category-row-${category.categoryId}`).click();
    await page.getByTestId('measure-list').locator(`a[href="/measures/${original.id}"]`).click();
    await expect(page.getByTestId('measure-status')).toHaveText('已销号');

    // Closed means locked: editing is disabled, with the note why.
    await expect(page.getByTestId('measure-locked')).toContainText('已销号（已锁定）');
    await expect(page.getByTestId('edit-measure')).toBeDisabled();

    // The office reopens it, with a reason.
    await page.getByTestId('measure-reopen').click();
    await page.getByTestId('reopen-modal-reason').fill('回头看发现问题反弹（e2e）');
    await page.getByTestId('reopen-modal-ok').click();
    await expect(page.locator('.ant-message')).toContainText('已重新打开');
    await expect(page.getByTestId('measure-status')).toHaveText('整改中');
    await expect(page.getByTestId('edit-measure')).toBeEnabled();

    // The history says who reopened it and why.
    await page.getByTestId('tab-history').click();
    await expect(page.locator('[data-testid="history-entry"][data-action="reopen"]')).toContainText('回头看发现问题反弹（e2e）');
    await expect(page.locator('[data-testid="history-entry"][data-action="reopen"]').getByTestId('history-actor')).toHaveText('office');

    // Back on the dashboard: the category's closed count dropped by one, same document.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /整改看板/ }).click();
    await expect(closedCell).toHaveText(String(category.closed - 1));
    await expect(page.getByTestId('completion-detail')).toContainText(`已销号 ${round.totals.closed - 1} `);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  } finally {
    const current = await getMeasure(request, original.id);
    if (current.status !== 'closed') {
      await patchMeasure(request, original.id, {
        version: current.version,
        status: original.status,
        completedDate: original.completedDate,
        progress: original.progress,
      });
    }
  }
  const restored = await summaryOf(request, round.id);
  expect(restored.byCategory.find((c) => c.categoryId === category.categoryId)!.closed).toBe(category.closed);
});

test('a stale version gets the conflict message, and the latest data can be loaded', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  // Closed measures are locked: take an open one.
  const { items } = await findMeasures(request, { roundId: round.id, status: 'in_progress', sort: 'position', limit: 1 });
  const measure = await getMeasure(request, items[0]!.id);

  await page.goto(`/measures/${measure.id}`);
  // Versions are internal: the page never shows them.
  await expect(page.getByTestId('measure-text')).toBeVisible();
  await expect(page.getByTestId('measure-page')).not.toContainText('版本');

  // Someone else saves first, with the version this page read.
  const theirs = await patchMeasure(request, measure.id, { version: measure.version, text: measure.text });
  expect(theirs.version).toBe(measure.version + 1);

  await page.getByTestId('edit-measure').click();
  await page.getByTestId('measure-save').click();
  const alert = page.getByTestId('conflict-alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('保存失败：该整改措施已被他人修改');

  await page.getByTestId('reload-latest').click();
  await expect(alert).toBeHidden();
  await page.getByTestId('measure-save').click();
  await expect(page.locator('.ant-message')).toContainText('已保存');
  // Saved with the version loaded: the server moved it on by one.
  await expect.poll(async () => (await getMeasure(request, measure.id)).version).toBe(theirs.version + 1);
});
