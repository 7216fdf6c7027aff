import { expect, test } from '@playwright/test';
import { demoRound } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

// Every page needs an account: the office may read and edit everything these specs touch.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'office');
});

test('switching to English shows the English UI, antd included, and is remembered', async ({ page }) => {
  const request = page.request;
  const round = await demoRound(request);
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByRole('heading', { name: /整改工作看板/ })).toBeVisible();

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByRole('heading', { name: /Rectification dashboard/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: /Dashboard/ })).toBeVisible();
  await expect(page.getByTestId('overdue-list')).toContainText('Overdue measures');
  await expect(page.getByTestId('overdue-list').getByTestId('overdue-flag')).toHaveText(/^\d+ days overdue$/);
  await expect(page.getByTestId('measure-list').getByTestId('measure-list-more')).toHaveText('Load more');
  await expect(page.getByTestId('measure-list').locator('[data-status="closed"]').first()).toHaveText('Closed');

  await page.reload();
  await expect(page.getByRole('heading', { name: /Rectification dashboard/ })).toBeVisible();

  // Server messages follow the UI language too.
  await page.goto('/measures/2147483600');
  await expect(page.getByText('Page not found')).toBeVisible();

  await page.getByTestId('language-switch').getByText('中文').click();
  await expect(page.getByText('找不到该页面')).toBeVisible();
});
