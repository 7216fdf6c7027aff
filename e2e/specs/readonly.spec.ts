import { expect, test } from '@playwright/test';
import { demoRound, getMeasure, summaryOf } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

test('an inspector sees no edit buttons, and a direct write is refused with 403', async ({ page }) => {
  await signIn(page, 'inspector');
  const round = await demoRound(page.request);
  const summary = await summaryOf(page.request, round.id);
  const measureId = summary.overdue[0]!.id;
  const before = await getMeasure(page.request, measureId);

  await page.goto(`/measures/${measureId}`);
  await expect(page.getByTestId('measure-text')).toBeVisible();
  await expect(page.getByTestId('user-role')).toHaveText('巡察组');
  for (const id of ['edit-measure', 'report-progress', 'submit-closure', 'measure-reopen', 'closure-approve']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await page.getByTestId('tab-evidence').click();
  await expect(page.getByTestId('evidence-panel')).toBeVisible();
  await expect(page.getByTestId('evidence-upload')).toHaveCount(0);
  // No workflow menus that are not theirs (the menu itself is there).
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await expect(menu.getByRole('link', { name: /问题清单/ })).toBeVisible();
  await expect(menu.getByRole('link', { name: /我的任务|对账销号|账号管理/ })).toHaveCount(0);

  // The server refuses what the UI hides.
  const patch = await page.request.patch(`/api/measures/${measureId}`, { data: { version: before.version, progress: 50 } });
  expect(patch.status()).toBe(403);
  expect((await patch.json()).error.code).toBe('FORBIDDEN');
  const update = await page.request.post(`/api/measures/${measureId}/updates`, {
    data: { date: '2024-01-01', text: 'x', percent: 50 },
  });
  expect(update.status()).toBe(403);
  const after = await getMeasure(page.request, measureId);
  expect(after.version).toBe(before.version);
  expect(after.progress).toBe(before.progress);

  // A page they may not use says so.
  await page.goto('/closures');
  await expect(page.locator('.ant-result-403')).toContainText('没有访问权限');
});
