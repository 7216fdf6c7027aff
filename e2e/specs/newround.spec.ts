import { expect as baseExpect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from '../fixtures/auth';
import { expectNoSidewaysScroll, PHONE, shot } from '../fixtures/screen';

// Pages load slowly on a busy 2-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const FEEDBACK = [
  '县文化广电体育和旅游局关于县委巡察反馈意见整改情况的通报',
  '',
  '一、整改工作开展情况',
  '对照巡察反馈的3个问题，制定5项整改措施。召开党组会议2次。',
  '',
  '二、整改落实情况',
  '(一)政治建设方面',
  '1、理论学习不够深入',
  '一是修订党组理论学习中心组学习计划；二是每月开展1次专题学习。',
  '2、意识形态工作责任落实不到位',
  '一是制定《意识形态工作责任制实施细则》；二是每半年分析研判一次。',
  '(二)作风建设方面',
  '1、调查研究不够',
  '班子成员每人每年牵头一项调研课题。',
].join('\n');

test('a unit’s office creates a round by pasting the feedback text in the guided flow, then assigns its owners in bulk', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'office');

  await page.goto('/rounds');
  await page.getByTestId('open-new-round').click();
  await expect(page.getByRole('heading', { name: '新建巡察轮次' })).toBeVisible();
  // The office's own unit is the only one it may pick, and is picked.
  await expect(page.getByTestId('new-round-unit-select')).toContainText('城中区文化体育广电和旅游局');
  await expect(page.getByTestId('new-unit-create')).toHaveCount(0);
  await shot(page, 'new-round-unit-1440-zh.png');
  await page.getByTestId('new-round-next').click();

  await expect(page.getByTestId('new-round-method')).toBeVisible();
  await page.getByTestId('method-text').click();
  await shot(page, 'new-round-method-1440-zh.png');
  await page.getByTestId('new-round-next').click();

  // The text import itself, embedded.
  await page.getByTestId('import-text').fill(FEEDBACK);
  await page.getByTestId('import-parse').click();
  await expect(page.getByTestId('review-counts')).toContainText('2 个方面 · 3 个问题');
  const stamp = Date.now().toString(36);
  await page.getByTestId('round-committee').fill('中共某县委员会');
  await page.getByTestId('round-roundName').fill(`第${stamp}轮`);
  await page.getByTestId('round-groupName').fill('第三巡察组');
  await expect(page.getByTestId('round-inspectedUnit')).toHaveValue('城中区文化体育广电和旅游局');
  await page.getByTestId('import-confirm').click();

  // The leading group: the head picked from the unit's people; the report will name them.
  const group = page.getByTestId('leading-group');
  await expect(group).toBeVisible();
  await group.getByTestId('leading-group-person').click();
  await page.keyboard.type('莫海涛');
  await page.locator('.ant-select-item-option').filter({ hasText: '莫海涛' }).first().click();
  await group.getByTestId('leading-group-add').click();
  await expect(group.locator('[data-testid^="leading-group-member-"]')).toHaveCount(1);
  await expect(group).toContainText('莫海涛');
  await shot(page, 'new-round-group-1440-zh.png');
  await page.getByTestId('new-round-next').click();

  const owners = page.getByTestId('new-round-owners');
  await expect(owners).toContainText(`第${stamp}轮`);
  await shot(page, 'new-round-owners-1440-zh.png');
  const assign = owners.getByTestId('new-round-assign');
  const roundId = Number((await assign.getAttribute('href'))!.split('/').pop());
  const records = await ok<{ meetings: { type: string }[]; regulations: { title: string }[] }>(await page.request.get(`/api/rounds/${roundId}/records`));
  expect(records.meetings.map((m) => m.type)).toEqual(['party_group', 'party_group']);
  expect(records.regulations.map((r) => r.title)).toEqual(['《意识形态工作责任制实施细则》']);
  expect((records as unknown as { leadingGroup: { role: string; person: { name: string } }[] }).leadingGroup).toMatchObject([{ role: 'head', person: { name: '莫海涛' } }]);

  // The flow ends on the dashboard's measure list with its bulk assignment.
  await assign.click();
  const list = page.getByTestId('measure-list');
  await expect(list.locator('tbody tr[data-testid^="measure-row-"]')).toHaveCount(5);
  await list.locator('thead .ant-checkbox-input').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('已选 5 项');
  await page.getByTestId('bulk-open').click();
  const modal = page.locator('.ant-modal-content').filter({ has: page.getByTestId('bulk-form') });
  await modal.getByLabel('责任领导').check();
  await modal.getByTestId('bulk-leader').click();
  await page.keyboard.type('莫海涛');
  await page.locator('.ant-select-item-option').filter({ hasText: '莫海涛' }).first().click();
  await modal.getByLabel('完成时限').check();
  await modal.getByTestId('bulk-deadline').click();
  await page.keyboard.type('2099-06-30');
  await page.keyboard.press('Tab');
  await modal.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-summary')).toContainText('已修改 5 项');
  await page.getByTestId('bulk-close').click();

  const measures = await ok<{ items: { leader: { name: string } | null; deadline: string | null }[] }>(await page.request.get(`/api/measures?roundId=${roundId}&limit=50`));
  expect(measures.items).toHaveLength(5);
  for (const m of measures.items) expect(m).toMatchObject({ leader: { name: '莫海涛' }, deadline: '2099-06-30' });
});

test('the flow in English at 1440 px: the administrator picks among the units and sees the ledger path', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('rectify.locale', 'en'));
  await signIn(page, 'admin');
  await page.goto('/rounds/new');
  await expect(page.getByRole('heading', { name: 'New round' })).toBeVisible();
  await page.getByTestId('new-round-unit-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '城中区文化体育广电和旅游局' }).first().click();
  await shot(page, 'new-round-unit-1440-en.png');
  await page.getByTestId('new-round-next').click();
  await page.getByTestId('method-ledger').click();
  await expect(page.getByTestId('new-round-form')).toBeVisible();
  await shot(page, 'new-round-method-1440-en.png');
});

test.describe('on a phone', () => {
  test.use(PHONE);
  test('the administrator adds a unit in the flow and starts its round by hand, at 390 px in English and Chinese', async ({ page }) => {
    test.setTimeout(120_000);
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.addInitScript((l) => window.localStorage.setItem('rectify.locale', l), locale);
      await signIn(page, 'admin');
      await page.goto('/rounds/new');
      const tag = locale === 'en' ? 'en' : 'zh';
      const name = `城中区测试新单位${Date.now() % 100000}`;
      await page.getByTestId('new-unit-name').fill(name);
      await page.getByTestId('new-unit-create').click();
      await expect(page.getByTestId('new-round-unit-select')).toContainText(name);
      await expectNoSidewaysScroll(page, `new round unit ${tag}`);
      await shot(page, `new-round-unit-390-${tag}.png`);
      await page.getByTestId('new-round-next').click();
      await page.getByTestId('method-hand').click();
      const form = page.getByTestId('new-round-form');
      await form.locator('#committee').fill('中共城中区委员会');
      await form.locator('#roundName').fill('第六轮');
      await form.locator('#groupName').fill('第一巡察组');
      await expectNoSidewaysScroll(page, `new round method ${tag}`);
      await shot(page, `new-round-method-390-${tag}.png`);
      await page.getByTestId('new-round-create').click();
      await expect(page.getByTestId('new-round-hierarchy')).toBeVisible();
      await page.getByTestId('new-round-next').click();
      await expect(page.getByTestId('leading-group')).toBeVisible();
      await expectNoSidewaysScroll(page, `new round group ${tag}`);
      await shot(page, `new-round-group-390-${tag}.png`);
      await page.getByTestId('new-round-next').click();
      const owners = page.getByTestId('new-round-owners');
      await expect(owners).toBeVisible();
      const people = await owners.getByTestId('new-round-people').getAttribute('href');
      const orgs = await ok<{ id: number; name: string }[]>(await page.request.get('/api/organizations'));
      expect(people).toBe(`/people?unit=${orgs.find((o) => o.name === name)!.id}`);
      await expectNoSidewaysScroll(page, `new round owners ${tag}`);
      await shot(page, `new-round-owners-390-${tag}.png`);
    }
  });
});
