import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/auth';

const here = dirname(fileURLToPath(import.meta.url));
const outputDir = join(here, '..', 'output');
const reference = resolve(here, '../../../shared/reference/000_3115509a2bee097f.txt');

test('imports the reference report from pasted text: review, correct, confirm → a new round', async ({ page }) => {
  test.skip(!existsSync(reference), `the reference report is not at ${reference}`);
  const text = readFileSync(reference, 'utf8');
  await signIn(page, 'office');

  await page.goto('/import');
  await expect(page.getByRole('heading', { name: '从通报/反馈意见导入' })).toBeVisible();
  await page.getByTestId('import-text').fill(text);
  await page.getByTestId('import-parse').click();

  await expect(page.getByTestId('review-category')).toHaveCount(5);
  await expect(page.getByTestId('review-problem')).toHaveCount(14);
  await expect(page.getByTestId('round-committee')).toHaveValue('中共城中区十一届委员会');
  await expect(page.getByTestId('gap-problems')).toContainText('通报称 14 个问题，解析出 14 个');
  await expect(page.getByTestId('gap-measures')).toContainText('通报称 47 项整改措施');
  await expect(page.getByTestId('review-warning').first()).toContainText('第 39 行');
  await expect(page.getByTestId('unnumbered')).toHaveCount(1);

  // Correct the review: a distinct group name, and the first problem's second measure moved up.
  await page.getByTestId('round-groupName').fill('第一巡察组（导入）');
  const firstProblem = page.getByTestId('review-problem').first();
  const measures = firstProblem.getByTestId('review-measure');
  const second = await measures.nth(1).locator('textarea').inputValue();
  await measures.nth(1).getByTestId('move-up').click();
  await expect(measures.first().locator('textarea')).toHaveValue(second);

  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, 'import-review.png') });

  await page.getByTestId('import-confirm').click();
  await expect(page).toHaveURL(/\/rounds\/\d+$/);
  await expect(page.getByText(/已新建巡察轮次/)).toBeVisible();
  await expect(page.getByTestId('category-counts').getByTestId('category-title')).toHaveCount(5);
  const id = Number(/\/rounds\/(\d+)$/.exec(page.url())![1]);
  const created = (await (await page.request.get(`/api/rounds/${id}`)).json()) as { groupName: string; totals: { problems: number } };
  expect(created.groupName).toBe('第一巡察组（导入）');
  expect(created.totals.problems).toBe(14);
  const tree = (await (await page.request.get(`/api/rounds/${id}/tree`)).json()) as { categories: { problems: { measures: { text: string }[] }[] }[] };
  expect(tree.categories[0]!.problems[0]!.measures[0]!.text).toBe(second);

  // The internal ledger completes what the published text left out: the demo round's ledger,
  // imported into the new round, adds the missing measures and creates the people and offices.
  const rounds = ((await (await page.request.get('/api/rounds')).json()) as { items: { id: number }[] }).items;
  const ledger = await (await page.request.get(`/api/rounds/${rounds[0]!.id}/ledger.xlsx`)).body();
  // Other specs add measures to the demo round and close or reopen some: what the ledger holds is
  // read from the API. A row updates the measure of the same category, problem and text, else adds one.
  type Tree = { categories: { title: string; problems: { title: string; measures: { text: string; status: string }[] }[] }[] };
  const rows = async (roundId: number) =>
    ((await (await page.request.get(`/api/rounds/${roundId}/tree`)).json()) as Tree).categories.flatMap((c) =>
      c.problems.flatMap((p) => p.measures.map((m) => ({ key: `${c.title}\u0000${p.title}\u0000${m.text}`, closed: m.status === 'closed' }))),
    );
  const sheet = await rows(rounds[0]!.id);
  const here = new Set((await rows(id)).map((r) => r.key));
  const updated = sheet.filter((r) => here.has(r.key)).length;
  const added = sheet.length - updated;
  const closedInSheet = sheet.filter((r) => r.closed).length;
  expect(updated).toBeGreaterThan(30);
  await page.goto(`/rounds/${id}/documents`);
  await page.getByTestId('ledger-upload').locator('input[type=file]').setInputFiles({
    name: '整改台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: ledger,
  });
  await expect(page.getByTestId('plan-count-measuresCreated')).toHaveText(new RegExp(`\\D${added}$`));
  await expect(page.getByTestId('plan-count-measuresUpdated')).toHaveText(new RegExp(`\\D${updated}$`));
  // The new round is the office's own unit's, whose people and offices already exist: none to create.
  await expect(page.getByTestId('plan-people')).toHaveCount(0);
  // Every value it will write, per row; the sheet's closures wait for verification unless ticked.
  const firstRow = page.getByTestId('plan-measure').first();
  await expect(firstRow.getByTestId('plan-value-deadline')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(firstRow.getByTestId('plan-value-leader')).not.toContainText('无');
  await expect(firstRow.getByTestId('plan-value-status')).toContainText('整改中');
  await expect(firstRow.getByTestId('plan-status-read')).toContainText('已销号');
  await expect(firstRow.getByTestId('plan-held')).toBeVisible();
  await expect(page.getByTestId('plan-count-closuresHeld')).toHaveText(new RegExp(`\\D${closedInSheet}$`));
  // The row updates a measure the text created: what it changes is marked beside the value it replaces.
  await expect(firstRow).toHaveAttribute('data-action', 'update');
  await expect(firstRow.getByTestId('plan-changes')).toContainText(/改动 \d+ 项/);
  await expect(firstRow.getByTestId('plan-value-leader')).toHaveAttribute('data-changed', 'true');
  await expect(firstRow.getByTestId('plan-value-leader').getByTestId('plan-value-from')).toHaveText('—');
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.getByTestId('ledger-plan').screenshot({ path: join(outputDir, `ledger-plan-${width}.png`) });
  }
  await page.getByTestId('ledger-verified').click();
  await expect(page.getByTestId('plan-count-closuresHeld')).toHaveText(/\D0$/);
  await expect(firstRow.getByTestId('plan-value-status')).toContainText('已销号');
  await page.getByTestId('ledger-import-confirm').click();
  await expect(page.getByText(`台账已导入：新增措施 ${added} 项，更新 ${updated} 项`)).toBeVisible();
  await expect(page.getByTestId('ledger-plan')).toHaveCount(0);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /整改看板/ }).click();
  await expect(page.getByTestId('stat-measures')).toContainText(String(here.size + added));
});

test('a text that is not a report shows an empty review to fill by hand', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/import');
  await page.getByTestId('import-text').fill('这是一段与巡察无关的文字。');
  await page.getByTestId('import-parse').click();
  await expect(page.getByText(/没有解析出任何方面/)).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-back').click();
  await expect(page.getByTestId('import-text')).toHaveValue('这是一段与巡察无关的文字。');
});

test('a published PDF: every item shows the line it was read from, and the figures the text states', async ({ page }) => {
  const pdf = readFileSync(resolve(here, '../../packages/documents/test/fixtures/text-import/street-report.pdf'));
  await signIn(page, 'office');
  mkdirSync(outputDir, { recursive: true });
  for (const [locale, width] of [
    ['zh', 390],
    ['zh', 1440],
    ['en', 1440],
    ['en', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/import');
    await page.evaluate((l) => localStorage.setItem('rectify.locale', l), locale === 'en' ? 'en' : 'zh-CN');
    await page.reload();
    await page.getByRole('tab', { name: locale === 'zh' ? '上传文件' : 'Upload a file' }).click();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({ name: '整改情况通报.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(page.getByTestId('review-category')).toHaveCount(3);
    await expect(page.getByTestId('review-problem')).toHaveCount(8);
    const firstMeasure = page.getByTestId('review-problem').first().getByTestId('review-measure').first();
    await expect(firstMeasure.getByTestId('item-line')).toHaveText(locale === 'zh' ? '第9行' : 'line 9');
    await expect(page.getByTestId('review-figures')).toContainText(locale === 'zh' ? '追回资金 5.37 万元' : '5.37 ten-thousand yuan recovered');
    await expect(page.getByTestId('review-figures')).toContainText(locale === 'zh' ? '问责 7 人' : '7 people held accountable');
    // Nothing wider than the screen at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(outputDir, `import-pdf-${locale}-${width}.png`), fullPage: width === 390 });
    if (width === 390) await page.getByTestId('review-problem').first().screenshot({ path: join(outputDir, `import-pdf-problem-${locale}-390.png`) });
  }
});
