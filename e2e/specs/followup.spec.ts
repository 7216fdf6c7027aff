import { expect, test, type Page } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn } from '../fixtures/auth';
import { PHONE, expectNoSidewaysScroll, shot } from '../fixtures/screen';

interface TreeMeasure { id: number; text: string; leader: { id: number; name: string } | null; leadDepartment: { id: number } | null; overdue: boolean }
interface Tree { categories: { problems: { id: number; measures: TreeMeasure[] }[] }[] }
interface Timeline { today: string; burnUp: { date: string; total: number; closed: number }[] }

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function timeline(page: Page, roundId: number): Promise<Timeline> {
  const res = await page.request.get(`/api/rounds/${roundId}/timeline`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as Timeline;
}
const last = (t: Timeline) => t.burnUp[t.burnUp.length - 1]!;

/** A measure of the leader account and the officer's department (its deadline far ahead unless said), closed today through the API. */
async function closedMeasure(page: Page, roundId: number, text: string, deadline = '2099-12-31') {
  const tree = (await (await page.request.get(`/api/rounds/${roundId}/tree`)).json()) as Tree;
  const owner = tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => ({ m, problemId: p.id })))).find((x) => x.m.overdue)!;
  const created = await page.request.post('/api/measures', {
    data: { problemId: owner.problemId, text, deadline, leaderId: owner.m.leader!.id, leadDepartmentId: owner.m.leadDepartment!.id },
  });
  expect(created.status()).toBe(201);
  const measure = (await created.json()) as { id: number };
  expect((await page.request.post(`/api/measures/${measure.id}/evidence`, { multipart: { file: { name: '整改完成.pdf', mimeType: 'application/pdf', buffer: pdf } } })).status()).toBe(201);
  const closure = await page.request.post(`/api/measures/${measure.id}/closure`, { data: { summary: '已完成整改（e2e）' } });
  expect(closure.status()).toBe(201);
  expect((await page.request.post(`/api/closures/${((await closure.json()) as { id: number }).id}/approve`, { data: {} })).ok()).toBe(true);
  return { id: measure.id, leader: owner.m.leader! };
}

test('回头看: the office schedules a review, its reviewer marks a measure 反弹 with evidence → it reopens and the burn-up steps down', async ({ page }) => {
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  const text = '回头看测试措施：健身器材定期巡检（e2e）';
  const measure = await closedMeasure(page, round.id, text);
  const closedBefore = last(await timeline(page, round.id));

  // The office schedules it in the page: today, the measure's leader as reviewer, this measure only.
  await page.goto(`/rounds/${round.id}/follow-ups`);
  await page.getByTestId('follow-up-schedule').click();
  const modal = page.locator('.ant-modal');
  const date = modal.getByLabel('开展日期');
  await date.click();
  await date.fill(closedBefore.date);
  await date.press('Enter');
  await modal.getByTestId('follow-up-reviewer').click();
  await page.keyboard.type(measure.leader.name);
  await page.locator('.ant-select-item-option', { hasText: measure.leader.name }).first().click();
  await modal.getByText('指定措施').click();
  await modal.getByTestId('follow-up-measures').click();
  await page.keyboard.type('健身器材定期巡检');
  await page.locator('.ant-select-item-option', { hasText: '健身器材定期巡检' }).first().click();
  // Leave the multiple select (its list stays open over the form otherwise; Tab would pick the active option).
  await modal.locator('.ant-modal-title').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await modal.getByTestId('follow-up-schedule-submit').click();
  await expect(page).toHaveURL(/\/follow-ups\/\d+$/);
  await expect(page.getByTestId('follow-up-item')).toHaveAttribute('data-measure-id', String(measure.id));
  await expect(page.getByTestId('follow-up-item')).toHaveCount(1);
  await expect(page.getByTestId('follow-up-state')).toHaveText('即将开展');
  await shot(page, 'followup-scheduled-1440.png');

  // The dashboard shows it due.
  await page.goto(`/rounds/${round.id}`);
  const panel = page.getByTestId('follow-up-panel');
  await expect(panel.locator(`[data-testid="follow-up-row"][data-state="due"]`).first()).toBeVisible();

  // Its reviewer (the leader) opens it from the dashboard, adds a photo and marks 反弹.
  await signIn(page, 'leader');
  await page.goto(`/rounds/${round.id}`);
  await page.getByTestId('follow-up-panel').getByRole('link', { name: '查看' }).last().click();
  await expect(page.getByTestId('follow-up-page')).toBeVisible();
  const item = page.locator(`[data-testid="follow-up-item"][data-measure-id="${measure.id}"]`);
  await item.locator('input[type=file]').setInputFiles({ name: '回头看检查记录.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(item.getByTestId('follow-up-evidence')).toHaveText('回头看检查记录.pdf');
  await item.getByTestId('follow-up-slid').click();
  await page.getByTestId('follow-up-record-note').fill('器材再次损坏未及时维修，问题反弹（e2e）');
  await page.getByTestId('follow-up-record-submit').click();
  await expect(item).toHaveAttribute('data-result', 'slid');
  await expect(item.getByTestId('follow-up-result')).toHaveText('反弹');
  await expect(item.locator('[data-status="in_progress"]')).toBeVisible();
  await expect(page.getByTestId('follow-up-state')).toHaveText('已完成');
  await shot(page, 'followup-slid-1440.png');

  // The measure is open again, with the review as its reason.
  await page.goto(`/measures/${measure.id}`);
  await expect(page.locator('[data-status="in_progress"]').first()).toBeVisible();
  await expect(page.getByText(`回头看（${closedBefore.date}）发现问题反弹：器材再次损坏未及时维修`)).toBeVisible();

  // The burn-up steps down on today's date.
  const after = last(await timeline(page, round.id));
  expect(after).toEqual({ date: closedBefore.date, total: closedBefore.total, closed: closedBefore.closed - 1 });
  await page.goto(`/rounds/${round.id}/timeline`);
  await expect(page.getByTestId('burn-up-last')).toContainText(`${after.date}：已销号 ${after.closed} / 措施总数 ${after.total}`);
});

test('回头看 reads on a phone and in English', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, locale: 'en', baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.addInitScript(() => window.localStorage.setItem('rectify.locale', 'en'));
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  const measure = await closedMeasure(page, round.id, 'Follow-up phone check (e2e)');
  const res = await page.request.post(`/api/rounds/${round.id}/follow-ups`, { data: { scheduledOn: '2099-06-30', scope: 'measures', measureIds: [measure.id] } });
  expect(res.status()).toBe(201);
  const review = (await res.json()) as { id: number };
  await page.goto(`/rounds/${round.id}/follow-ups`);
  await expect(page.getByTestId('follow-ups-page')).toContainText('Follow-up reviews');
  await expect(page.locator(`[data-testid="follow-up-row"][data-id="${review.id}"]`)).toBeVisible();
  await expectNoSidewaysScroll(page, 'follow-ups at 390 px');
  await shot(page, 'followup-list-390-en.png');
  await page.goto(`/follow-ups/${review.id}`);
  await expect(page.getByTestId('follow-up-held')).toBeVisible();
  await expectNoSidewaysScroll(page, 'follow-up at 390 px');
  await shot(page, 'followup-detail-390-en.png');
  // 巩固 keeps the measure closed.
  await page.getByTestId('follow-up-held').click();
  await page.getByTestId('follow-up-record-submit').click();
  await expect(page.getByTestId('follow-up-item')).toHaveAttribute('data-result', 'held');
  await expect(page.getByTestId('follow-up-item').locator('[data-status="closed"]')).toBeVisible();
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('follow-up-panel')).toBeVisible();
  await expectNoSidewaysScroll(page, 'dashboard with 回头看 at 390 px');
  await context.close();
});

test('回头看 edited by the office, 反弹 by its reviewer → the measure page lists the item and the measure is reopened below 100 %', async ({ page, browser }) => {
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  const measure = await closedMeasure(page, round.id, '回头看修改测试措施：文化站开放时间公示（e2e）');
  const today = last(await timeline(page, round.id)).date;
  // Scheduled far ahead without a reviewer, through the API; the office then moves it in the page.
  const res = await page.request.post(`/api/rounds/${round.id}/follow-ups`, { data: { scheduledOn: '2099-06-30', scope: 'measures', measureIds: [measure.id], note: '原定年底检查' } });
  expect(res.status()).toBe(201);
  const review = (await res.json()) as { id: number };

  await page.goto(`/follow-ups/${review.id}`);
  await expect(page.getByTestId('follow-up-state')).toHaveText('已安排');
  await page.getByTestId('follow-up-edit').click();
  const modal = page.locator('.ant-modal');
  const date = modal.getByLabel('开展日期');
  await date.click();
  await date.fill(today);
  await date.press('Enter');
  await modal.getByTestId('follow-up-reviewer').click();
  await page.keyboard.type(measure.leader.name);
  await page.locator('.ant-select-item-option', { hasText: measure.leader.name }).first().click();
  await modal.getByTestId('follow-up-note').fill('提前开展，由责任领导检查');
  await modal.getByTestId('follow-up-edit-submit').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('follow-up-state')).toHaveText('即将开展');
  await expect(page.getByTestId('follow-up-page')).toContainText(measure.leader.name);
  await expect(page.getByTestId('follow-up-page')).toContainText('提前开展，由责任领导检查');
  // Nothing recorded yet: the office may still delete it.
  await expect(page.getByTestId('follow-up-delete')).toBeVisible();

  // Its reviewer, the leader, records 反弹.
  await signIn(page, 'leader');
  await page.goto(`/follow-ups/${review.id}`);
  const item = page.locator(`[data-testid="follow-up-item"][data-measure-id="${measure.id}"]`);
  await item.getByTestId('follow-up-slid').click();
  await page.getByTestId('follow-up-record-note').fill('公示栏信息未及时更新，问题反弹（e2e）');
  await page.getByTestId('follow-up-record-submit').click();
  await expect(item).toHaveAttribute('data-result', 'slid');
  // The leader records, but neither edits nor corrects.
  await expect(page.getByTestId('follow-up-edit')).toHaveCount(0);
  await expect(page.getByTestId('follow-up-correct')).toHaveCount(0);

  // The measure page lists the item (day, reviewer, 反弹, the note, a link to the review); the measure is open, below 100 %.
  await page.goto(`/measures/${measure.id}`);
  const listed = page.getByTestId('measure-follow-up');
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute('data-result', 'slid');
  await expect(listed.getByTestId('measure-follow-up-result')).toHaveText('反弹');
  await expect(listed).toContainText(`${today} 回头看`);
  await expect(listed).toContainText(measure.leader.name);
  await expect(listed).toContainText('公示栏信息未及时更新，问题反弹（e2e）');
  await expect(page.locator('[data-status="in_progress"]').first()).toBeVisible();
  const progress = page.getByRole('progressbar', { name: '整改进度' });
  await expect(progress).toHaveAttribute('aria-valuenow', '99');
  const detail = (await (await page.request.get(`/api/measures/${measure.id}`)).json()) as { status: string; progress: number; completedDate: string | null };
  expect(detail).toMatchObject({ status: 'in_progress', completedDate: null });
  expect(detail.progress).toBeLessThan(100);
  await page.getByTestId('measure-follow-ups').scrollIntoViewIfNeeded();
  await shot(page, 'followup-measure-1440.png');
  await listed.getByTestId('measure-follow-up-link').click();
  await expect(page).toHaveURL(new RegExp(`/follow-ups/${review.id}$`));

  // On a phone, in Chinese, the same list reads without sideways scrolling.
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', baseURL: test.info().project.use.baseURL });
  const phone = await context.newPage();
  await signIn(phone, 'office');
  await phone.goto(`/measures/${measure.id}`);
  await expect(phone.getByTestId('measure-follow-up')).toHaveAttribute('data-result', 'slid');
  await expectNoSidewaysScroll(phone, 'measure page with 回头看 at 390 px');
  await phone.getByTestId('measure-follow-ups').scrollIntoViewIfNeeded();
  await shot(phone, 'followup-measure-390.png');
  // The office's review page on the phone: results recorded, so edit (note only) and correct, no delete.
  await phone.goto(`/follow-ups/${review.id}`);
  await expect(phone.getByTestId('follow-up-correct')).toBeVisible();
  await expect(phone.getByTestId('follow-up-delete')).toHaveCount(0);
  await expectNoSidewaysScroll(phone, 'follow-up with results at 390 px');
  await shot(phone, 'followup-recorded-390.png');
  await context.close();
});

/** Mid-month next year: a new deadline the date picker offers whatever today is. */
const nextYear = (today: string) => `${Number(today.slice(0, 4)) + 1}${today.slice(4, 7)}-15`;

test('回头看 反弹 on a measure past its deadline asks the re-rectification’s new one (限期整改): the reopened measure is not overdue', async ({ page }) => {
  test.setTimeout(60_000); // a closure and a review set up, the dialog twice, then the measure page
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  const measure = await closedMeasure(page, round.id, '回头看限期整改测试措施：场馆安全巡查（e2e）', '2024-06-30');
  const today = last(await timeline(page, round.id)).date;
  const newDeadline = nextYear(today);
  const res = await page.request.post(`/api/rounds/${round.id}/follow-ups`, { data: { scheduledOn: today, scope: 'measures', measureIds: [measure.id] } });
  expect(res.status()).toBe(201);
  const review = (await res.json()) as { id: number };

  // The office records 反弹: the dialog asks the new deadline, since 2024-06-30 has passed.
  await page.goto(`/follow-ups/${review.id}`);
  const item = page.locator(`[data-testid="follow-up-item"][data-measure-id="${measure.id}"]`);
  await item.getByTestId('follow-up-slid').click();
  const dialog = page.locator('.ant-modal');
  await expect(dialog).toContainText('原完成时限 2024-06-30 已过');
  await page.getByTestId('follow-up-record-submit').click();
  await expect(dialog).toContainText('请选择新的完成时限');
  await expect(item).toHaveAttribute('data-result', 'pending');
  await shot(page, 'followup-deadline-1440.png', false);
  // The date first: Enter in its field submits the form once everything else is filled.
  const date = dialog.getByLabel('重新整改完成时限');
  await date.click();
  await date.fill(newDeadline);
  await date.press('Enter');
  await page.getByTestId('follow-up-record-note').fill('场馆消防通道再次被占用，问题反弹（e2e）');
  await page.getByTestId('follow-up-record-submit').click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveAttribute('data-result', 'slid');
  await expect(item.locator('[data-status="in_progress"]')).toBeVisible();

  // Reopened with the new limit: in progress, not overdue; the measure page shows the date.
  const detail = (await (await page.request.get(`/api/measures/${measure.id}`)).json()) as { status: string; deadline: string; overdue: boolean };
  expect(detail).toMatchObject({ status: 'in_progress', deadline: newDeadline, overdue: false });
  await page.goto(`/measures/${measure.id}`);
  await expect(page.locator('[data-status="in_progress"]').first()).toBeVisible();
  await expect(page.getByText(newDeadline).first()).toBeVisible();
});

test('回头看 correction 巩固 → 反弹 on a phone, in English, asks the new deadline the same way', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, locale: 'en', reducedMotion: 'reduce', baseURL: test.info().project.use.baseURL });
  const phone = await context.newPage();
  await phone.addInitScript(() => window.localStorage.setItem('rectify.locale', 'en'));
  await signIn(phone, 'office');
  const round = await demoRound(phone.request);
  const second = await closedMeasure(phone, round.id, 'Follow-up deadline correction (e2e)', '2024-06-30');
  const today = last(await timeline(phone, round.id)).date;
  const newDeadline = nextYear(today);
  const held = await phone.request.post(`/api/rounds/${round.id}/follow-ups`, { data: { scheduledOn: today, scope: 'measures', measureIds: [second.id] } });
  const heldReview = (await held.json()) as { id: number; items: { id: number }[] };
  expect((await phone.request.post(`/api/follow-up-items/${heldReview.items[0]!.id}/result`, { data: { result: 'held' } })).ok()).toBe(true);
  await phone.goto(`/follow-ups/${heldReview.id}`);
  await phone.getByTestId('follow-up-correct').click();
  await phone.getByTestId('follow-up-correct-slid').click();
  const phoneDialog = phone.locator('.ant-modal');
  await expect(phoneDialog).toContainText('The deadline 2024-06-30 has passed');
  // The date first, as above: its Enter would submit a complete form.
  const phoneDate = phoneDialog.getByLabel('New deadline');
  await phoneDate.click();
  await phoneDate.fill(newDeadline);
  await phoneDate.press('Enter');
  await phone.getByTestId('follow-up-correct-note').fill('Slid back on a second look (e2e)');
  await expectNoSidewaysScroll(phone, 'correct dialog at 390 px');
  await shot(phone, 'followup-correct-deadline-390-en.png', false);
  await phone.getByTestId('follow-up-correct-submit').click();
  await expect(phoneDialog).toBeHidden();
  await expect(phone.getByTestId('follow-up-item')).toHaveAttribute('data-result', 'slid');
  const corrected = (await (await phone.request.get(`/api/measures/${second.id}`)).json()) as { deadline: string; overdue: boolean };
  expect(corrected).toMatchObject({ deadline: newDeadline, overdue: false });
  await context.close();
});
