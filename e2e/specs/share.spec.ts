import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

test('the office makes a read-only link; the inspection team sees the round without an account, until it is revoked', async ({ page, browser, baseURL }) => {
  await signIn(page, 'office');
  const round = await demoRound(page.request);

  // The office creates the link on the documents page; the URL is shown once.
  await page.goto(`/rounds/${round.id}/documents`);
  const panel = page.getByTestId('share-links');
  await panel.getByLabel('分享对象').fill('区委第一巡察组');
  await panel.getByTestId('share-link-create').click();
  const url = (await panel.getByTestId('share-link-url').textContent())!.trim();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{20,}$/);
  await expect(panel.getByRole('row', { name: /区委第一巡察组.*office.*有效/ })).toBeVisible();

  // A browser with no session at all.
  const guest = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const view = await guest.newPage();
  await view.goto(new URL(url).pathname);
  await expect(view.getByTestId('share-round-title')).toHaveText('中共城中区十一届委员会第三轮巡察第一巡察组');
  await expect(view.getByText('分享给：区委第一巡察组')).toBeVisible();
  await expect(view.getByTestId('share-chart-category')).toBeVisible();
  await expect(view.getByTestId('overdue-list')).toContainText('室外健身器材配建管理办法');
  await expect(view.getByTestId('overdue-measure-link')).toHaveCount(0); // nothing to open beyond the page
  await view.screenshot({ path: 'output/share.png', fullPage: true });
  await view.getByRole('tab', { name: '问题清单' }).click();
  await expect(view.getByTestId('shared-tree')).toContainText('全民健身及文化服务存在不足');

  const [download] = await Promise.all([view.waitForEvent('download'), view.getByTestId('share-download-ledger').click()]);
  expect(download.suggestedFilename()).toMatch(/整改台账\.xlsx$/);
  expect(readFileSync(await download.path()).subarray(0, 2).toString('latin1')).toBe('PK');
  // The link opens nothing else of the API.
  expect((await view.request.get(`/api/rounds/${round.id}/tree`)).status()).toBe(401);

  // Revoked: the same link now says so.
  await panel.getByRole('row', { name: /区委第一巡察组/ }).getByRole('button', { name: /撤\s*销/ }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(panel.getByRole('row', { name: /区委第一巡察组.*已撤销/ })).toBeVisible();
  await view.reload();
  await expect(view.getByTestId('share-invalid')).toBeVisible();
  await guest.close();
});
