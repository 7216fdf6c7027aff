import { expect as baseExpect, test } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { DEMO_PASSWORD, signInRequest } from '../fixtures/auth';
import { PNG_1X1 } from '../fixtures/files';
import { expectNoSidewaysScroll, outputDir, PHONE, shot } from '../fixtures/screen';
import { join } from 'node:path';

// Pages load slowly on a busy 2-core machine: wait longer than the default for what must appear.
const expect = baseExpect.configure({ timeout: 30_000 });

test.use(PHONE);

const TEXT = '更换社区健身路径损坏器材（手机端 e2e）';

test('on a phone an officer signs in, lands on their tasks, reports progress with a photo and submits for closure', async ({ page, playwright, baseURL }) => {
  test.setTimeout(180_000);
  // Seed through the API as the office: a fresh measure of the officer's department (体育股).
  const office = await playwright.request.newContext({ baseURL });
  await signInRequest(office, 'office');
  const round = await demoRound(office);
  const me = (await (await office.get('/api/people?active=true&limit=200')).json() as { items: { id: number; name: string; department: { id: number; name: string } | null }[] }).items;
  const officerDept = me.find((p) => p.name === '廖伟')!.department!;
  const tree = await (await office.get(`/api/rounds/${round.id}/tree`)).json() as { categories: { problems: { id: number }[] }[] };
  const created = await office.post('/api/measures', {
    data: { problemId: tree.categories[0]!.problems[0]!.id, text: TEXT, leadDepartmentId: officerDept.id, deadline: '2099-12-31' },
  });
  expect(created.ok()).toBe(true);
  const measure = (await created.json()) as { id: number };
  await office.dispose();

  // Sign-in through the page, as on the phone.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expectNoSidewaysScroll(page, 'login');
  await shot(page, 'login-390.png');
  await page.getByTestId('login-username').fill('officer');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();

  // An officer lands on 我的任务, as cards.
  await expect(page).toHaveURL(/\/tasks$/);
  const card = page.getByTestId(`task-card-${measure.id}`);
  await expect(card).toBeVisible();
  await expectNoSidewaysScroll(page, 'tasks');
  await shot(page, 'tasks-390.png');

  // The menu drawer reaches every page; the user menu is on screen.
  await page.getByTestId('menu-button').click();
  const drawer = page.getByTestId('menu-drawer');
  await expect(drawer.getByRole('menuitem', { name: /我的任务/ })).toBeVisible();
  await expect(drawer.getByRole('menuitem', { name: /整改看板/ })).toBeVisible();
  await shot(page, 'menu-390.png', false);
  await drawer.getByRole('menuitem', { name: /整改看板/ }).click();
  // The current round: the newest one with open measures.
  await expect(page).toHaveURL(/\/rounds\/\d+$/);
  await expect(page.getByTestId('measure-list')).toHaveAttribute('data-layout', 'cards');
  await expectNoSidewaysScroll(page, 'dashboard');
  // The charts draw once the browser is idle: the picture waits for them.
  await expect(page.getByTestId('chart-category').locator('.recharts-surface').first()).toBeVisible();
  await shot(page, 'dashboard-390.png');
  // The text columns keep their width: overdue measures as cards, category names beside three narrow counts.
  const overdueNow = ((await (await page.request.get(`/api/rounds/${page.url().split('/').pop()}/summary`)).json()) as { totals: { overdue: number } }).totals.overdue;
  if (overdueNow > 0) await expect(page.getByTestId('overdue-list').locator('[data-layout]')).toHaveAttribute('data-layout', 'cards');
  const categoryName = await page.getByTestId('category-title').first().boundingBox();
  expect(categoryName!.width).toBeGreaterThan(120);
  await page.getByTestId('category-counts').screenshot({ path: join(outputDir, 'dashboard-categories-390.png') });
  for (const [item, url] of [[/问题清单/, /\/tree$/], [/文档/, /\/documents$/], [/人员科室/, /\/people$/], [/巡察轮次/, /\/rounds$/]] as const) {
    await page.getByTestId('menu-button').click();
    await page.getByTestId('menu-drawer').getByRole('menuitem', { name: item }).click();
    await expect(page).toHaveURL(url);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page, String(url));
  }
  await shot(page, 'rounds-390.png');
  const userMenu = page.getByTestId('user-menu');
  await expect(userMenu).toBeInViewport();
  const box = (await userMenu.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);

  // Back to the task, then 报送进展 with a photo taken in the dialog.
  await page.getByTestId('menu-button').click();
  await page.getByTestId('menu-drawer').getByRole('menuitem', { name: /我的任务/ }).click();
  await page.getByTestId(`task-card-${measure.id}`).getByTestId('task-link').click();
  await expect(page).toHaveURL(new RegExp(`/measures/${measure.id}$`));
  await expectNoSidewaysScroll(page, 'measure');
  // No evidence yet: the reason 申请销号 cannot be used is written under it.
  await expect(page.getByTestId('submit-closure')).toBeDisabled();
  await expect(page.getByTestId('submit-closure-reason')).toBeVisible();
  await shot(page, 'measure-390.png');

  await page.getByTestId('report-progress').tap();
  const photoInput = page.getByTestId('progress-photo-input');
  await expect(photoInput).toHaveAttribute('capture', 'environment');
  await expect(photoInput).toHaveAttribute('accept', 'image/*');
  await page.getByTestId('progress-text').fill('已更换 12 件损坏器材并完成验收（手机）');
  await page.getByTestId('progress-percent').fill('100');
  await photoInput.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByTestId('progress-attachment')).toHaveCount(1);
  // The dialog fills the screen and nothing sticks out.
  const dialog = page.locator('.ant-modal-content');
  expect((await dialog.boundingBox())!.width).toBeGreaterThanOrEqual(389);
  await expectNoSidewaysScroll(page, 'progress dialog');
  await shot(page, 'progress-390.png', false);
  await page.getByTestId('progress-save').tap();
  await expect(page.locator('.ant-modal-content')).toHaveCount(0);

  // The update shows its photo; a tap opens it in the page.
  const update = page.getByTestId('update-item').first();
  await expect(update).toContainText('已更换 12 件损坏器材');
  await update.getByTestId('evidence-thumb').tap();
  await expect(page.getByTestId('evidence-preview-image')).toBeVisible();
  await expect.poll(() => page.getByTestId('evidence-preview-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  // Closed by its own button: Escape reaches the dialog only when it has the focus, which a tap
  // does not always give it (the closure button underneath then waited for the whole test).
  await page.getByRole('dialog', { name: '现场照片.png' }).getByRole('button', { name: /关\s*闭/ }).tap();
  await expect(page.locator('.ant-modal-content')).toHaveCount(0);

  // 申请销号 now works.
  await expect(page.getByTestId('submit-closure')).toBeEnabled();
  await page.getByTestId('submit-closure').tap();
  await page.getByTestId('closure-summary-input').fill('器材全部更换，附现场照片。');
  await expectNoSidewaysScroll(page, 'closure dialog');
  await page.getByTestId('closure-submit-ok').tap();
  await expect(page.getByTestId('measure-status')).toContainText('待销号');
  await expectNoSidewaysScroll(page, 'measure after submit');
  await shot(page, 'measure-submitted-390.png');
});
