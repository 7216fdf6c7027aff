import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from '../fixtures/auth';

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');

test('signed out, every page goes to the sign-in page; a wrong password is explained; sign-out ends it', async ({ page }) => {
  await page.goto('/measures/1?tab=history');
  await expect(page).toHaveURL(/\/login\?next=%2Fmeasures%2F1%3Ftab%3Dhistory$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('login-page')).toBeVisible();
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, 'login.png') });

  await page.getByTestId('login-username').fill('office');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码不正确');
  await expect(page).toHaveURL(/\/login/);

  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/measures\/1\?tab=history$/);
  await expect(page.getByTestId('user-role')).toHaveText('整改办公室');
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await expect(menu.getByRole('link', { name: /对账销号/ })).toBeVisible();
  await expect(menu.getByRole('link', { name: /账号管理/ })).toHaveCount(0);

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);
  // The session is gone on the server too.
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  await page.goto('/tasks');
  await expect(page).toHaveURL(/\/login\?next=%2Ftasks$/);
});

test('an ended session sends the app back to the sign-in page', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/closures');
  await expect(page.getByTestId('closures-page')).toBeVisible();
  // Signed out elsewhere (e.g. the password was reset): the next request gets 401.
  await page.request.post('/api/auth/logout');
  await page.getByTestId('closure-filter').getByText('全部').click();
  await expect(page).toHaveURL(/\/login\?next=%2Fclosures%3Fstate%3Dall$/);
});

test('the administrator manages accounts; locking oneself out is refused with a clear message', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/rounds');
  // The administrator's thirteen entries all fit one line of the menu bar at 1440 px, in Chinese and
  // in English (narrower screens wrap them onto a second line).
  const menuLinks = page.getByRole('navigation', { name: /主菜单|Main menu/ }).getByRole('link');
  for (const [language, first, last] of [['English', /Rounds/, /People/], ['中文', /巡察轮次/, /人员科室/]] as const) {
    await page.getByTestId('language-switch').getByText(language, { exact: true }).click();
    await expect(menuLinks.filter({ hasText: last })).toBeVisible();
    const [firstBox, lastBox] = [await menuLinks.filter({ hasText: first }).boundingBox(), await menuLinks.filter({ hasText: last }).boundingBox()];
    expect(lastBox!.y).toBe(firstBox!.y);
  }
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /账号管理/ }).click();
  for (const name of ['admin', 'office', 'leader', 'officer', 'inspector']) {
    await expect(page.getByTestId(`user-row-${name}`)).toBeVisible();
  }

  // A new officer account for a person of the demo unit.
  const username = `e2e.${Date.now().toString(36)}`;
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-username').fill(username);
  await page.getByTestId('user-password').fill('a-long-password');
  await page.getByTestId('user-person').click();
  await page.keyboard.type('廖伟');
  await page.keyboard.press('Enter');
  await page.getByTestId('user-save').click();
  await expect(page.locator('.ant-message')).toContainText('账号已新建');
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toContainText('责任人');
  await expect(row).toContainText('廖伟');

  // Deactivating one's own account is refused, and the modal says why.
  await page.getByTestId('user-row-admin').getByTestId('user-edit').click();
  await page.getByTestId('user-active').click();
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('user-error')).toContainText('不能停用自己的账号');
  await page.locator('.ant-modal:visible').getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, 'users.png'), fullPage: true });
  // On a phone each account is a card with its buttons; nothing is wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId(`user-row-${username}`).getByTestId('user-reset')).toBeVisible();
  // The reset button is in the table and in the phone's cards alike: wait for the cards to replace the table.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(outputDir, 'users-390.png'), fullPage: true });

  // The new account signs in with its password.
  const other = await page.context().browser()!.newContext();
  const response = await other.request.post('/api/auth/login', { data: { username, password: 'a-long-password' } });
  expect(response.ok()).toBe(true);
  await other.close();
});
