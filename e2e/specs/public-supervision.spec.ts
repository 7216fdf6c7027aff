import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/auth';
import { expectNoSidewaysScroll, PHONE, shot } from '../fixtures/screen';

interface PublicPageInfo {
  roundId: number;
  enabled: boolean;
  path: string | null;
  version: number;
}

const toEnglish = async (page: Page) => {
  await page.getByTestId('language-switch').getByText('English').click();
};

test('群众监督: the office switches the public page on and prints its QR code; a citizen sends an opinion from a phone; the office handles it and the 巡察办 reads it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, 'office');
  const current = (await (await page.request.get('/api/rounds/current')).json()) as { round: { id: number } };
  const roundId = current.round.id;
  // Start from a switched-off page, whatever an earlier run left.
  const before = (await (await page.request.get(`/api/rounds/${roundId}/public-page`)).json()) as PublicPageInfo;
  if (before.enabled) expect((await page.request.patch(`/api/rounds/${roundId}/public-page`, { data: { enabled: false, version: before.version } })).ok()).toBe(true);

  // The office switches it on from its menu entry.
  await page.goto('/rounds');
  await page.getByTestId('nav-opinions').click();
  await expect(page.getByTestId('opinions-page')).toBeVisible();
  const toggle = page.getByTestId('public-switch');
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  const url = (await page.getByTestId('public-url').innerText()).trim();
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{24}$/);
  const path = new URL(url).pathname;
  await shot(page, 'public-office-1440-zh.png');

  // 码上监督: the printable sheet with the round, the QR code and the address.
  await page.getByTestId('public-print').click();
  await expect(page.getByTestId('qr-image')).toBeVisible();
  await expect(page.getByTestId('qr-url')).toHaveText(url);
  await expect(page.getByTestId('qr-round')).not.toBeEmpty();
  await shot(page, 'public-qr-1440-zh.png');

  // A citizen, no account, on a phone.
  const citizenContext = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  const citizen = await citizenContext.newPage();
  await citizen.goto(path);
  await expect(citizen.getByTestId('public-unit')).toHaveText('城中区文化体育广电和旅游局');
  await expect(citizen.getByTestId('public-report')).toContainText('整改');
  await expectNoSidewaysScroll(citizen, 'public page at 390 px');
  await shot(citizen, 'public-page-390-zh.png');
  // Content is required.
  await citizen.getByTestId('public-submit').click();
  await expect(citizen.getByText('请填写意见建议')).toBeVisible();
  const opinion = `小区健身器材已更换，但夜间照明仍不足（${Date.now()}）`;
  await citizen.getByTestId('public-content').fill(opinion);
  await citizen.getByTestId('public-rating').getByText('基本满意').click();
  await citizen.getByTestId('public-name').fill('王女士');
  await citizen.getByTestId('public-phone').fill('138 0000 0000');
  await citizen.getByTestId('public-submit').click();
  await expect(citizen.getByTestId('public-thanks')).toBeVisible();
  await shot(citizen, 'public-thanks-390-zh.png');
  await toEnglish(citizen);
  await citizen.getByRole('button', { name: 'Send another' }).click();
  await expect(citizen.getByTestId('public-form')).toContainText('Your opinion');
  await expectNoSidewaysScroll(citizen, 'public page at 390 px, English');
  await shot(citizen, 'public-page-390-en.png');
  await citizen.setViewportSize({ width: 1440, height: 900 });
  await shot(citizen, 'public-page-1440-en.png');
  await citizenContext.close();

  // The office's inbox: the opinion, new; it handles it (replied, with a note).
  await page.goto('/opinions');
  const item = page.getByTestId('opinion-item').filter({ hasText: opinion });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('opinion-status-tag')).toHaveText('未处理');
  await expect(item).toContainText('基本满意');
  await expect(item).toContainText('王女士 · 138 0000 0000');
  await item.getByTestId('opinion-handle').click();
  await page.getByTestId('opinion-status').getByText('已回复').click();
  await page.getByTestId('opinion-note').fill('已电话回复：夜间照明已列入下月整改计划');
  await page.getByTestId('opinion-save').click();
  await expect(item.getByTestId('opinion-status-tag')).toHaveText('已回复');
  await expect(item).toContainText('已电话回复');
  await shot(page, 'public-inbox-1440-zh.png');
  await toEnglish(page);
  await expect(item.getByTestId('opinion-status-tag')).toHaveText('Replied');
  await shot(page, 'public-inbox-1440-en.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('opinion-item').filter({ hasText: opinion })).toBeVisible();
  await expectNoSidewaysScroll(page, 'opinions inbox at 390 px');
  await shot(page, 'public-inbox-390-en.png');
  await page.evaluate(() => localStorage.clear());

  // The rating shows on the round's dashboard.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/rounds/${roundId}`);
  await expect(page.getByTestId('dashboard-ratings')).toBeVisible();
  const summary = (await (await page.request.get(`/api/rounds/${roundId}/summary`)).json()) as { ratings: { basicallySatisfied: number } };
  expect(summary.ratings.basicallySatisfied).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('dashboard-ratings')).toContainText(String(summary.ratings.basicallySatisfied));
});

test('the 巡察办 reads every unit’s opinions but does not handle them; a leader has no inbox', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.goto('/opinions');
  await expect(page.getByTestId('opinions-page')).toBeVisible();
  await expect(page.getByTestId('opinion-item').first()).toBeVisible();
  await expect(page.getByTestId('opinion-handle')).toHaveCount(0);
  await shot(page, 'public-inbox-supervisor-1440-zh.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('opinion-item').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'supervisor inbox at 390 px');
  await shot(page, 'public-inbox-supervisor-390-zh.png');

  await page.context().clearCookies();
  await signIn(page, 'leader');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/rounds');
  await expect(page.getByTestId('nav-opinions')).toHaveCount(0);
});

test('a switched-off or unknown public page says so, without an account', async ({ page }) => {
  await page.goto(`/p/${'x'.repeat(24)}`);
  await expect(page.getByTestId('public-invalid')).toContainText('该页面不存在或已关闭');
});
