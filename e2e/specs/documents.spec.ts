import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Download, type Page } from '@playwright/test';
import { demoRound, summaryOf } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');

async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

test.beforeEach(async ({ page }, info) => {
  if (!info.title.includes('inspector')) await signIn(page, 'office');
});

test('downloads the ledger (.xlsx) and the report (.docx) from the documents page', async ({ page }) => {
  const round = await demoRound(page.request);
  await page.goto(`/rounds/${round.id}`);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /文档与导出/ }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/documents$`));
  await expect(page.getByRole('heading', { name: /文档与导出/ })).toBeVisible();
  await expect(page.getByTestId('export-scope')).toHaveText('导出范围：全部措施');

  const ledger = await downloadBy(page, () => page.getByTestId('download-ledger-xlsx').click());
  expect(ledger.download.suggestedFilename()).toMatch(/整改台账\.xlsx$/);
  expect(ledger.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(ledger.bytes.length).toBeGreaterThan(5000);

  const report = await downloadBy(page, () => page.getByTestId('download-report-docx').click());
  expect(report.download.suggestedFilename()).toMatch(/整改情况通报\.docx$/);
  expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(report.bytes.length).toBeGreaterThan(5000);

  const csv = await downloadBy(page, () => page.getByTestId('download-ledger-csv').click());
  expect(csv.download.suggestedFilename()).toMatch(/\.csv$/);
  expect(csv.bytes.toString('utf8')).toContain('整改措施');

  // The printable page opens the report in a new tab.
  await expect(page.getByTestId('report-print')).toHaveAttribute('href', `/api/rounds/${round.id}/report.html`);
  await expect(page.getByTestId('report-print')).toHaveAttribute('target', '_blank');

  await expect(page.frameLocator('[data-testid=report-frame]').getByText(/整改情况的通报/).first()).toBeVisible();
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, 'documents.png'), fullPage: true });
});

test('"export this list" on the dashboard exports the filtered measures', async ({ page }) => {
  const round = await demoRound(page.request);
  const summary = await summaryOf(page.request, round.id);
  const category = summary.byCategory[1]!;
  await page.goto(`/rounds/${round.id}?category=${category.categoryId}`);
  await expect(page.getByTestId('measure-filter')).toContainText('方面：（二）');
  await page.getByTestId('export-list').click();

  const json = await downloadBy(page, () => page.getByRole('menuitem', { name: 'JSON' }).click());
  const rows = (JSON.parse(json.bytes.toString('utf8')) as { rows: { categoryOrdinal: number }[] }).rows;
  expect(rows).toHaveLength(category.total);
  expect(new Set(rows.map((r) => r.categoryOrdinal))).toEqual(new Set([category.ordinal]));

  // "More exports" carries the filter to the documents page.
  await page.getByTestId('export-list').click();
  await page.getByTestId('export-list-more').click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/documents\\?categoryId=${category.categoryId}$`));
  await expect(page.getByTestId('export-scope')).toContainText('方面：（二）');
  const xlsx = await downloadBy(page, () => page.getByTestId('download-ledger-xlsx').click());
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('saving the report texts updates the preview; a stale save gets the conflict message', async ({ page }) => {
  const round = await demoRound(page.request);
  const url = `/api/rounds/${round.id}/report-texts`;
  const original = (await (await page.request.get(url)).json()) as { contact: string; version: number };
  await page.goto(`/rounds/${round.id}/documents`);

  const marker = `联系人：测试${Date.now() % 100000}`;
  const contact = page.getByTestId('report-contact');
  await expect(contact).toHaveValue(original.contact);
  await contact.fill(`${original.contact}${marker}`);
  await page.getByTestId('report-texts-save').click();
  await expect(page.getByText('通报内容已保存，预览已更新')).toBeVisible();
  await expect(page.frameLocator('[data-testid=report-frame]').getByText(marker)).toBeVisible();

  // Someone else saves meanwhile: this page's version is stale.
  const current = (await (await page.request.get(url)).json()) as { version: number };
  expect((await page.request.patch(url, { data: { version: current.version, contact: original.contact } })).ok()).toBe(true);
  await contact.fill(`${original.contact}另一处修改`);
  await page.getByTestId('report-texts-save').click();
  await expect(page.getByTestId('report-texts-conflict')).toContainText('其他人已修改了通报内容');
  await page.getByTestId('report-texts-reload').click();
  await expect(page.getByTestId('report-texts-conflict')).toHaveCount(0);
  await expect(contact).toHaveValue(original.contact);
  await expect(page.frameLocator('[data-testid=report-frame]').getByText(marker)).toHaveCount(0);
});

test('a ledger import previews an exported ledger and refuses a broken file with the API’s message', async ({ page }) => {
  const round = await demoRound(page.request);
  await page.goto(`/rounds/${round.id}/documents`);
  const input = page.getByTestId('ledger-upload').locator('input[type=file]');

  await input.setInputFiles({ name: 'broken.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') });
  await expect(page.getByTestId('ledger-import-error')).toContainText('文件不是 Excel（.xlsx）格式');
  await expect(page.getByTestId('ledger-plan')).toHaveCount(0);

  // The round's own export imports back as updates only (its closed measures locked, left as they
  // are), with nothing blocking the confirmation.
  const exported = await (await page.request.get(`/api/rounds/${round.id}/ledger.xlsx`)).body();
  await input.setInputFiles({ name: '台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: exported });
  await expect(page.getByTestId('plan-count-measuresUpdated')).toContainText(String(round.totals.measures - round.totals.closed));
  await expect(page.getByTestId('plan-count-measuresLocked')).toContainText(String(round.totals.closed));
  await expect(page.getByTestId('plan-count-measuresCreated')).toContainText('0');
  await expect(page.getByTestId('plan-category')).toHaveCount(5);
  await expect(page.getByTestId('plan-errors')).toHaveCount(0);
  await expect(page.getByTestId('ledger-import-confirm')).toBeEnabled();
  await page.getByTestId('ledger-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outputDir, 'ledger-import.png'), fullPage: false });
  await page.getByTestId('ledger-import-cancel').click();
  await expect(page.getByTestId('ledger-plan')).toHaveCount(0);
});

test('an inspector downloads the documents but cannot edit or import', async ({ page }) => {
  await signIn(page, 'inspector');
  const round = await demoRound(page.request);
  await page.goto(`/rounds/${round.id}/documents`);
  await expect(page.getByText('当前账号只能查看通报内容')).toBeVisible();
  await expect(page.getByTestId('report-opening')).toBeDisabled();
  await expect(page.getByText('导入台账需要整改办公室或管理员账号。')).toBeVisible();
  await expect(page.getByTestId('ledger-upload')).toHaveCount(0);
  await expect(page.getByTestId('open-text-import')).toHaveCount(0);
  const report = await downloadBy(page, () => page.getByTestId('download-report-docx').click());
  expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});
