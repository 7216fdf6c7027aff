import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn, signInRequest } from '../fixtures/auth';
import { PHONE, expectNoSidewaysScroll, shot } from '../fixtures/screen';

/**
 * 长期坚持 (issue 9): a long-term measure reports on a cadence; a missed check-in raises the warning
 * level like a deadline. Seeded and signed in through the API; the browser shows the red, the
 * dashboard's figure counts it, a progress update (the check-in) clears both.
 */

interface TreeMeasure { id: number; leader: { id: number } | null; leadDepartment: { id: number } | null; overdue: boolean }
interface Tree { categories: { problems: { id: number; measures: TreeMeasure[] }[] }[] }
interface TimeSummary { today: string; levels: Record<'none' | 'due_soon' | 'urgent' | 'overdue', number>; checkInsMissed: number }
interface Created { id: number; warningLevel: string; nextCheckInDue: string | null }

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function timeSummary(request: APIRequestContext, roundId: number): Promise<TimeSummary> {
  const res = await request.get(`/api/rounds/${roundId}/time-summary`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as TimeSummary;
}

/** As the office: a monthly long-term measure of the officer's department, started 40 days ago and never checked in (due 9 days ago). */
async function missedMeasure(request: APIRequestContext, roundId: number, today: string, text: string): Promise<Created> {
  await signInRequest(request, 'office');
  const tree = (await (await request.get(`/api/rounds/${roundId}/tree`)).json()) as Tree;
  // The demo round's open measure belongs to the officer's department and the leader account.
  const owner = tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => ({ m, problemId: p.id })))).find((x) => x.m.overdue)!;
  const res = await request.post('/api/measures', {
    data: {
      problemId: owner.problemId, text, kind: 'long_term', checkInCadence: 'monthly', deadline: null, startDate: addDays(today, -40),
      leaderId: owner.m.leader!.id, leadDepartmentId: owner.m.leadDepartment!.id,
    },
  });
  expect(res.status()).toBe(201);
  const created = (await res.json()) as Created;
  expect(created).toMatchObject({ warningLevel: 'overdue', nextCheckInDue: addDays(today, -9) });
  return created;
}

/** The seven figures of the warning panel sit on one row. */
async function expectOneRow(page: Page, where: string) {
  const tops = await page.getByTestId('warning-figure').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(tops, where).toHaveLength(7);
  expect(new Set(tops).size, `${where}: figure tops ${tops.join(', ')}`).toBe(1);
}

async function checkIn(page: Page, text: string) {
  await page.getByTestId('report-progress').click();
  await page.getByTestId('progress-text').fill(text);
  await page.getByTestId('progress-percent').fill('30');
  await page.getByTestId('progress-save').click();
}

test('a missed monthly check-in shows red on the measure and in the dashboard figure; the officer checks in and both clear', async ({ page }) => {
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  const before = await timeSummary(page.request, round.id);
  const measure = await missedMeasure(page.request, round.id, before.today, '坚持每月开展一次警示教育（长期坚持 e2e）');
  const missed = await timeSummary(page.request, round.id);
  expect(missed.checkInsMissed).toBe(before.checkInsMissed + 1);
  expect(missed.levels.overdue).toBe(before.levels.overdue + 1);

  // The dashboard counts it, its seven figures on one row.
  await page.goto(`/rounds/${round.id}`);
  const panel = page.getByTestId('warning-panel');
  await expect(panel.getByTestId('warning-count-checkInsMissed')).toContainText(String(missed.checkInsMissed));
  await expect(panel.getByTestId('warning-count-overdue')).toContainText(String(missed.levels.overdue));
  await expectOneRow(page, 'dashboard at 1440 px, zh-CN');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'longterm-dashboard-1440.png', false);
  // Its red list (the level filter of the dashboard's list) holds it.
  await page.goto(`/rounds/${round.id}?level=overdue`);
  await expect(page.getByTestId('timeline-level')).toContainText('红色预警');
  await expect(page.locator(`a[href="/measures/${measure.id}"]`).first()).toBeVisible();

  // The officer sees it red, with the check-in it missed.
  await signIn(page, 'officer');
  await page.goto(`/measures/${measure.id}`);
  const tag = page.getByTestId('warning-tag');
  await expect(tag).toHaveAttribute('data-level', 'overdue');
  await expect(tag).toContainText('红色预警');
  expect(await tag.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(168, 7, 26)');
  await expect(page.getByTestId('measure-next-check-in')).toContainText(addDays(before.today, -9));
  await shot(page, 'longterm-measure-missed-1440.png');

  // A progress update is the check-in: the red clears, the next one is due a month on.
  await checkIn(page, '本月已开展警示教育一次，参学32人（e2e）');
  await expect(page.locator('.ant-message')).toContainText('进展已报送');
  await expect(page.getByTestId('warning-tag')).toHaveCount(0);
  await expect(page.getByTestId('measure-next-check-in')).toContainText(addDays(before.today, 31));
  await shot(page, 'longterm-measure-checked-in-1440.png');

  // The dashboard's figure drops back.
  const after = await timeSummary(page.request, round.id);
  expect(after.checkInsMissed).toBe(missed.checkInsMissed - 1);
  await signIn(page, 'office');
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('warning-count-checkInsMissed')).toContainText(String(after.checkInsMissed));
  await expect(page.getByTestId('warning-count-overdue')).toContainText(String(after.levels.overdue));
});

test('the warning figures fit one row at 1440 px in English too', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en', viewport: { width: 1440, height: 900 }, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.addInitScript(() => window.localStorage.setItem('rectify.locale', 'en'));
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('warning-count-checkInsMissed')).toContainText('Long-term check-ins missed');
  await expectOneRow(page, 'dashboard at 1440 px, English');
  await page.getByTestId('warning-panel').scrollIntoViewIfNeeded();
  await shot(page, 'longterm-dashboard-1440-en.png', false);
  await context.close();
});

test('on a phone (390 px) the officer sees the missed check-in in red and checks in', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, 'office');
  const round = await demoRound(page.request);
  const { today } = await timeSummary(page.request, round.id);
  const measure = await missedMeasure(page.request, round.id, today, '坚持每月检查一次安全生产台账（长期坚持 e2e）');

  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('warning-count-checkInsMissed')).toBeVisible();
  await expectNoSidewaysScroll(page, 'dashboard at 390 px');

  await signIn(page, 'officer');
  await page.goto(`/measures/${measure.id}`);
  await expect(page.getByTestId('warning-tag')).toHaveAttribute('data-level', 'overdue');
  await expect(page.getByTestId('measure-next-check-in')).toContainText(addDays(today, -9));
  await expectNoSidewaysScroll(page, 'long-term measure at 390 px');
  await shot(page, 'longterm-measure-missed-390.png');
  // Checked in, so the run leaves no red behind for the specs after it.
  await checkIn(page, '本月安全生产台账已检查（手机 e2e）');
  await expect(page.getByTestId('warning-tag')).toHaveCount(0);
  await shot(page, 'longterm-measure-checked-in-390.png');
  await context.close();
});
