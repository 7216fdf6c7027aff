import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/auth';

test('the 巡察办 sees every unit side by side, ranks them and drills into one round; a unit office cannot open it', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.goto('/programme');
  const table = page.getByTestId('programme-table');
  await expect(table).toBeVisible();
  // The reference unit, the demo district's units and any round other specs created: as many rows as the API has rounds.
  const rounds = (await (await page.request.get('/api/rounds?limit=1')).json()) as { total: number };
  expect(rounds.total).toBeGreaterThanOrEqual(6);
  await expect(table.locator('.ant-table-row')).toHaveCount(rounds.total);
  await expect(page.getByTestId('programme-page')).toContainText('城中区文化体育广电和旅游局');
  await page.getByTestId('programme-rank').getByText('按完成率').click();
  await page.getByTestId('programme-unit-type').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '街道（乡镇）' }).click();
  await expect(table.locator('.ant-table-row')).toHaveCount(2);
  await table.locator('a').first().click();
  await expect(page).toHaveURL(/\/rounds\/\d+$/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/programme');
  await expect(page.getByTestId('programme-table')).toBeVisible();
});

test('a unit office has no programme view', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/programme');
  await expect(page.getByTestId('programme-page')).toHaveCount(0);
  await expect(page.getByTestId('nav-programme')).toHaveCount(0);
});
