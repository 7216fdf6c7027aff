import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn, type DemoRole } from '../fixtures/auth';
import { tinyPdf } from '../fixtures/files';
import { expectNoSidewaysScroll, PHONE, shot } from '../fixtures/screen';

// Pages load slowly on a busy 2-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A round of the demo unit with two measures, a rule and two meetings, seeded through the API as the office. */
async function seedRound(request: APIRequestContext) {
  const demo = await ok<{ inspectedUnit: { id: number } }>(await request.get(`/api/rounds/${(await demoRound(request)).id}`));
  const stamp = Date.now().toString(36);
  const round = await ok<{ id: number }>(
    await request.post('/api/rounds', { data: { committee: '测试委员会', roundName: `第${stamp}轮`, groupName: '第三巡察组', inspectedUnitId: demo.inspectedUnit.id } }),
  );
  const category = await ok<{ id: number }>(await request.post('/api/categories', { data: { roundId: round.id, title: '落实全面从严治党方面' } }));
  const problem = await ok<{ id: number }>(await request.post('/api/problems', { data: { categoryId: category.id, title: '公务接待不规范' } }));
  const measures = [
    await ok<{ id: number }>(await request.post('/api/measures', { data: { problemId: problem.id, text: '制定公务接待管理办法（e2e）' } })),
    await ok<{ id: number }>(await request.post('/api/measures', { data: { problemId: problem.id, text: '开展公务接待专项检查（e2e）' } })),
  ];
  await ok(await request.post(`/api/rounds/${round.id}/regulations`, { data: { title: '《党组议事规则》', documentNumber: '城文体党发〔2023〕3号', issuedDate: '2023-04-10', issuingUnit: '中共城中区文化体育广电和旅游局党组', measureIds: [measures[1]!.id] } }));
  await ok(await request.post(`/api/rounds/${round.id}/meetings`, { data: { type: 'leadership', date: '2023-03-20', topic: '传达巡察反馈意见，部署整改工作', attendees: '局领导班子成员' } }));
  await ok(await request.post(`/api/rounds/${round.id}/meetings`, { data: { type: 'party_group', date: '2023-04-02', topic: '研究整改方案' } }));
  return { round, measures };
}

test('the office records a rule with its document and a 民主生活会; the dashboard and the report count them', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, 'office');
  const { round, measures } = await seedRound(page.request);

  await page.goto(`/rounds/${round.id}/registers`);
  await expect(page.getByRole('heading', { name: '建章立制与会议记录' })).toBeVisible();
  await expect(page.getByTestId('regulation-list').locator('tbody tr[data-testid^="regulation-row-"]')).toHaveCount(1);

  await page.getByTestId('add-regulation').click();
  const form = page.locator('.ant-modal-content').filter({ has: page.getByTestId('regulation-form') });
  await form.getByTestId('regulation-title').fill('《公务接待管理办法》');
  await form.getByTestId('regulation-number').fill('城文体广旅发〔2023〕12号');
  await form.getByTestId('regulation-date').click();
  await page.keyboard.type('2023-05-06');
  await page.keyboard.press('Enter');
  await form.getByTestId('regulation-measures').click();
  await page.keyboard.type('公务接待管理办法');
  await page.locator('.ant-select-item-option').filter({ hasText: '制定公务接待管理办法' }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toBeHidden();

  const row = page.getByTestId('regulation-list').locator('tbody tr').filter({ hasText: '《公务接待管理办法》' });
  await expect(row).toContainText('城文体广旅发〔2023〕12号');
  await expect(row).toContainText('2023-05-06');
  await expect(row).toContainText('1.1.1');
  // The issued document, through the evidence store's checks.
  const uploadButton = row.getByRole('button', { name: /上传文件/ });
  const chooser = page.waitForEvent('filechooser');
  await uploadButton.click();
  await (await chooser).setFiles({ name: '公务接待管理办法.pdf', mimeType: 'application/pdf', buffer: tinyPdf('公务接待管理办法') });
  await expect(row.getByRole('button', { name: /公务接待管理办法\.pdf/ })).toBeVisible();
  // The measure page names the rule.
  const measure = await ok<{ regulations: { title: string }[] }>(await page.request.get(`/api/measures/${measures[0]!.id}`));
  expect(measure.regulations.map((r) => r.title)).toEqual(['《公务接待管理办法》']);

  await page.getByRole('tab', { name: /会议记录/ }).click();
  await expect(page).toHaveURL(/tab=meetings/);
  await page.getByTestId('add-meeting').click();
  const meetingForm = page.locator('.ant-modal-content').filter({ has: page.getByTestId('meeting-form') });
  await meetingForm.getByTestId('meeting-type').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '民主生活会' }).click();
  await meetingForm.getByTestId('meeting-date').click();
  await page.keyboard.type('2023-06-20');
  await page.keyboard.press('Enter');
  await meetingForm.getByTestId('meeting-topic').fill('巡察整改专题民主生活会');
  await meetingForm.getByTestId('meeting-attendees').fill('局党组书记、班子成员');
  await meetingForm.getByRole('button', { name: /保\s*存/ }).click();
  await expect(meetingForm).toBeHidden();
  await expect(page.getByTestId('meeting-counts')).toContainText('民主生活会 1 次');
  await expect(page.getByTestId('meeting-counts')).toContainText('党组会 1 次');
  await expect(page.getByTestId('meeting-list').locator('tbody tr[data-testid^="meeting-row-"]')).toHaveCount(3);
  await shot(page, 'registers-office-1440-zh.png');

  // Counted from the rows: the dashboard's figures and the report's sentence.
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByTestId('stat-meetings')).toContainText('3');
  await expect(page.getByTestId('stat-regulations')).toContainText('2');
  await page.getByTestId('stat-link-meetings').click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/registers\\?tab=meetings$`));
  const html = await (await page.request.get(`/api/rounds/${round.id}/report.html`)).text();
  expect(html).toContain('先后召开领导班子会1次，党组会1次，民主生活会1次');
  expect(html).toContain('2项制度（办法）');

  // Removed again: the count follows.
  const democratic = page.getByTestId('meeting-list').locator('tbody tr').filter({ hasText: '巡察整改专题民主生活会' });
  await democratic.getByRole('button', { name: /删\s*除/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
  await expect(page.getByTestId('meeting-list').locator('tbody tr[data-testid^="meeting-row-"]')).toHaveCount(2);
  await expect(page.getByTestId('meeting-counts')).not.toContainText('民主生活会');
});

async function view(page: Page, role: DemoRole, locale: 'zh-CN' | 'en', roundId: number, tab = '') {
  await page.addInitScript((l) => window.localStorage.setItem('rectify.locale', l), locale);
  await signIn(page, role);
  await page.goto(`/rounds/${roundId}/registers${tab}`);
}

test('the registers read at 1440 px in English and as read-only for the inspection team', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'office');
  const { round } = await seedRound(page.request);
  await view(page, 'office', 'en', round.id);
  await expect(page.getByRole('heading', { name: 'Rules issued and meetings held' })).toBeVisible();
  await expect(page.getByTestId('regulation-list')).toContainText('城文体党发〔2023〕3号');
  await shot(page, 'registers-office-1440-en.png');
  await page.getByRole('tab', { name: /Meetings/ }).click();
  await expect(page.getByTestId('meeting-counts')).toContainText('Party group meeting: 1');
  await shot(page, 'registers-meetings-1440-en.png');
  await page.getByRole('tab', { name: /Leading group/ }).click();
  await expect(page.getByTestId('leading-group')).toContainText('No leading group yet');
  await shot(page, 'registers-group-1440-en.png');

  await page.context().clearCookies();
  await signIn(page, 'inspector');
  await view(page, 'inspector', 'zh-CN', (await demoRound(page.request)).id);
  await expect(page.getByRole('heading', { name: '建章立制与会议记录' })).toBeVisible();
  await expect(page.getByTestId('regulation-list').locator('tbody tr[data-testid^="regulation-row-"]')).toHaveCount(9);
  await expect(page.getByTestId('add-regulation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /编\s*辑/ })).toHaveCount(0);
  await shot(page, 'registers-inspector-1440-zh.png');
  // The demo round's leading group, read-only.
  await page.getByRole('tab', { name: /领导小组/ }).click();
  await expect(page.getByTestId('leading-group')).toContainText('组长');
  await expect(page.getByTestId('leading-group-add')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use(PHONE);
  test('the registers are cards at 390 px, zh and en, nothing wider than the screen', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'office');
    const { round } = await seedRound(page.request);
    for (const locale of ['zh-CN', 'en'] as const) {
      await view(page, 'office', locale, round.id);
      await expect(page.getByTestId('regulation-list')).toHaveAttribute('data-layout', 'cards');
      await expect(page.getByTestId('regulation-list')).toContainText('《党组议事规则》');
      await expectNoSidewaysScroll(page, `registers ${locale}`);
      await shot(page, `registers-office-390-${locale === 'en' ? 'en' : 'zh'}.png`);
      await view(page, 'office', locale, round.id, '?tab=meetings');
      await expect(page.getByTestId('meeting-list')).toContainText('研究整改方案');
      await expectNoSidewaysScroll(page, `meetings ${locale}`);
      await shot(page, `registers-meetings-390-${locale === 'en' ? 'en' : 'zh'}.png`);
    }
  });
});
