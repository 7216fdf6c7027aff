import { expect as baseExpect, test, type APIRequestContext } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn } from '../fixtures/auth';
import { shot } from '../fixtures/screen';

// Pages load slowly on a busy 2-core machine: wait longer than the default for what must appear.
const expect = baseExpect.configure({ timeout: 30_000 });

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A new round of the demo unit with ten unassigned measures, seeded through the API. */
async function seedRound(request: APIRequestContext, unitId: number) {
  const stamp = Date.now().toString(36);
  const round = await ok<{ id: number; rectificationDeadline: string }>(
    await request.post('/api/rounds', {
      data: { committee: '测试委员会', roundName: `第${stamp}轮`, groupName: '第二巡察组', inspectedUnitId: unitId, rectificationDeadline: '2099-06-30' },
    }),
  );
  const category = await ok<{ id: number }>(await request.post('/api/categories', { data: { roundId: round.id, title: '落实主体责任方面' } }));
  const problem = await ok<{ id: number }>(await request.post('/api/problems', { data: { categoryId: category.id, title: '责任分工不明确' } }));
  const measures: { id: number; deadline: string | null }[] = [];
  for (let i = 1; i <= 10; i++) {
    measures.push(await ok(await request.post('/api/measures', { data: { problemId: problem.id, text: `第${i}项待分工的整改措施（e2e）` } })));
  }
  return { round, problem, measures };
}

test('the office adds a person and a department from the pickers and assigns ten measures in one go', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'office');
  const demo = await ok<{ inspectedUnit: { id: number } }>(await page.request.get(`/api/rounds/${(await demoRound(page.request)).id}`));
  const { round, measures } = await seedRound(page.request, demo.inspectedUnit.id);
  // New measures start with the round's deadline.
  expect(measures.every((m) => m.deadline === '2099-06-30')).toBe(true);

  await page.goto(`/rounds/${round.id}`);
  const list = page.getByTestId('measure-list');
  await expect(list.locator('tbody tr[data-testid^="measure-row-"]')).toHaveCount(10);
  // Tick all ten (the header box ticks the page).
  await list.locator('thead .ant-checkbox-input').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('已选 10 项');
  await page.getByTestId('bulk-open').click();

  const modal = page.locator('.ant-modal-content').filter({ has: page.getByTestId('bulk-form') });
  await modal.getByLabel('责任领导').check();
  await modal.getByLabel('牵头科室').check();
  await modal.getByLabel('完成时限').check();

  // The leader is not in the list yet: type the name and add it right there.
  const personName = `韦立新${Date.now() % 10000}`;
  await modal.getByTestId('bulk-leader').click();
  await page.keyboard.type(personName);
  await page.getByTestId('picker-add-person').click();
  const personForm = page.locator('.ant-modal-content').filter({ has: page.getByTestId('person-form') });
  await expect(personForm.getByLabel('姓名')).toHaveValue(personName);
  await personForm.getByLabel('职务').fill('副局长');
  await personForm.getByRole('button', { name: /保\s*存/ }).click();
  await expect(personForm).toBeHidden();
  await expect(modal.getByTestId('bulk-leader')).toContainText(personName);

  const deptName = `综合治理股${Date.now() % 10000}`;
  await modal.getByTestId('bulk-lead-department').click();
  await page.keyboard.type(deptName);
  await page.getByTestId('picker-add-department').click();
  const deptForm = page.locator('.ant-modal-content').filter({ has: page.getByTestId('department-form') });
  await expect(deptForm.getByLabel('科室名称')).toHaveValue(deptName);
  await deptForm.getByRole('button', { name: /保\s*存/ }).click();
  await expect(deptForm).toBeHidden();
  await expect(modal.getByTestId('bulk-lead-department')).toContainText(deptName);

  await modal.getByTestId('bulk-deadline').click();
  await page.keyboard.type('2099-03-31');
  await page.keyboard.press('Enter');
  await shot(page, 'bulk-form.png', false);
  await modal.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-summary')).toContainText('已修改 10 项');
  await shot(page, 'bulk-summary.png', false);
  await page.getByTestId('bulk-close').click();

  for (const m of measures) {
    const now = await ok<{ leader: { name: string } | null; leadDepartment: { name: string } | null; deadline: string }>(await page.request.get(`/api/measures/${m.id}`));
    expect(now).toMatchObject({ leader: { name: personName }, leadDepartment: { name: deptName }, deadline: '2099-03-31' });
  }
  await expect(list.locator('tbody tr').first()).toContainText(personName);

  // The people page shows who is where.
  await page.goto(`/people?unit=${demo.inspectedUnit.id}&tab=people`);
  await expect(page.getByTestId('people-list')).toContainText(personName);
  await shot(page, 'people.png');
});

test('in the tree the office ticks a whole problem and sets the deadline of its ten measures', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'office');
  const demo = await ok<{ inspectedUnit: { id: number } }>(await page.request.get(`/api/rounds/${(await demoRound(page.request)).id}`));
  const { round, problem, measures } = await seedRound(page.request, demo.inspectedUnit.id);

  await page.goto(`/rounds/${round.id}/tree`);
  await page.getByTestId('tree-select').click();
  await expect(page.getByTestId('tree-bulk-edit')).toBeDisabled();
  // Ticking the problem ticks every measure under it.
  await page.locator('.ant-tree-treenode').filter({ has: page.getByTestId(`tree-problem-${problem.id}`) }).locator('.ant-tree-checkbox').click();
  await expect(page.getByTestId('tree-selected-count')).toHaveText('已选 10 项');
  await shot(page, 'tree-bulk.png', false);
  await page.getByTestId('tree-bulk-edit').click();
  const modal = page.locator('.ant-modal-content').filter({ has: page.getByTestId('bulk-form') });
  await modal.getByLabel('完成时限').check();
  await modal.getByTestId('bulk-deadline').click();
  await page.keyboard.type('2099-04-30');
  // Tab, not Enter: Enter in the form may already submit it, and the apply button is then gone.
  await page.keyboard.press('Tab');
  await modal.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-summary')).toContainText('已修改 10 项');
  await page.getByTestId('bulk-close').click();
  // Nothing failed, so nothing stays ticked.
  await expect(page.getByTestId('tree-selected-count')).not.toContainText('已选');
  for (const m of measures) {
    expect((await ok<{ deadline: string }>(await page.request.get(`/api/measures/${m.id}`))).deadline).toBe('2099-04-30');
  }
});

test('the inspector sees no write controls', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'inspector');
  const round = await demoRound(page.request);
  const measures = await ok<{ items: { id: number }[] }>(await page.request.get(`/api/measures?roundId=${round.id}&limit=1`));
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('measure-list')).toBeVisible();
  await expect(page.getByTestId('measure-list').locator('.ant-checkbox')).toHaveCount(0);
  await expect(page.getByTestId('dashboard-pdf')).toBeVisible();
  await page.goto(`/measures/${measures.items[0]!.id}`);
  await expect(page.getByTestId('measure-text')).toBeVisible();
  for (const id of ['edit-measure', 'report-progress', 'submit-closure']) await expect(page.getByTestId(id)).toHaveCount(0);
  await page.goto('/people');
  await expect(page.getByTestId('department-list')).toBeVisible();
  for (const id of ['add-person', 'add-department']) await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.locator('[data-testid^="edit-department-"], [data-testid^="toggle-department-"]')).toHaveCount(0);
});

test('the dashboard prints on A4 with every measure, and downloads as a PDF holding every measure', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'leader');
  const round = await demoRound(page.request);
  const tree = await ok<{ categories: { problems: { measures: { text: string }[] }[] }[] }>(await page.request.get(`/api/rounds/${round.id}/tree`));
  const texts = tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => m.text)));
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  // A leader lands on the dashboard of the current round (the newest with open measures).
  const rounds = ((await (await page.request.get('/api/rounds?direction=desc&limit=200')).json()) as { items: { id: number; totals: { total: number; closed: number } }[] }).items;
  const current = rounds.find((r) => r.totals.closed < r.totals.total)!;
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/rounds/${current.id}$`));
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('dashboard')).toBeVisible();

  // The print stylesheet: no navigation, the full list of measures in full.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.getByTestId('print-measure-list').locator('tbody tr')).toHaveCount(texts.length);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.rectify-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeHidden();
  await expect(page.getByTestId('print-measure-list')).toBeVisible();
  const printed = squeeze((await page.getByTestId('print-measure-list').innerText()));
  for (const text of texts) expect(printed).toContain(squeeze(text));
  await page.emulateMedia({ media: 'screen' });

  // The server's PDF, printed by headless chromium.
  const response = await page.request.get(`/api/rounds/${round.id}/dashboard.pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await response.body()), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  const all = squeeze(text);
  const missing = texts.filter((t) => !all.includes(squeeze(t)));
  expect(missing).toEqual([]);
  // A4 portrait: 595 × 842 points.
  const first = await pdf.getPage(1);
  const [, , w, h] = first.view;
  expect(Math.round(w!)).toBe(595);
  expect(Math.round(h!)).toBe(842);
});
