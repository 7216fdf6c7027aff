import { expect, test, type Page } from '@playwright/test';
import { demoRound, findMeasures } from '../fixtures/api';
import { signIn } from '../fixtures/auth';

/**
 * The strict Content-Security-Policy (apps/api/src/plugins/security-headers.ts) against the built
 * app: every page loads and renders with no CSP violation reported (securitypolicyviolation events
 * and console messages), the printable report and the API documents included.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}

test('every page passes the Content-Security-Policy; headers forbid framing and sniffing', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000); // a dozen pages, the share page and the API documents in one walk
  const violations = await watchViolations(page);

  const login = await page.goto('/login');
  const headers = login!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['strict-transport-security']).toBeUndefined(); // plain http here
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();

  await signIn(page, 'admin');
  const round = await demoRound(page.request);
  const measures = await findMeasures(page.request, { roundId: round.id, limit: 1 });
  const pages: [string, RegExp][] = [
    ['/', /巡察/],
    [`/rounds/${round.id}`, /整改/],
    [`/rounds/${round.id}/tree`, /全民健身/],
    [`/rounds/${round.id}/documents`, /台账/],
    ['/import', /导入/],
    [`/measures/${measures.items[0]!.id}`, /整改/],
    ['/tasks', /任务/],
    ['/closures', /销号/],
    ['/admin/users', /账号/],
    ['/opinions', /群众监督/],
    ['/no-such-page', /./],
  ];
  for (const [path, text] of pages) {
    await page.goto(path);
    await expect(page.locator('#root')).toContainText(text);
    await page.waitForLoadState('networkidle');
  }

  // The printable report (what chromium prints to PDF) and the API documents.
  await page.goto(`/api/rounds/${round.id}/report.html`);
  await expect(page.locator('body')).toContainText('整改');
  await page.goto('/api/docs');
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Rectify API');

  // The share page, as the inspection team opens it without an account.
  const expiresOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const created = await page.request.post(`/api/rounds/${round.id}/share-links`, { data: { label: 'CSP 检查', expiresOn } });
  expect(created.status(), await created.text()).toBe(201);
  const link = (await created.json()) as { path: string };
  const guest = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const view = await guest.newPage();
  const guestViolations = await watchViolations(view);
  await view.goto(link.path);
  await expect(view.getByTestId('share-round-title')).toBeVisible();
  await view.waitForLoadState('networkidle');

  // 群众监督: the QR sheet (an SVG data: image) and the public page, without an account.
  const settings = (await (await page.request.get(`/api/rounds/${round.id}/public-page`)).json()) as { enabled: boolean; version: number };
  if (!settings.enabled) expect((await page.request.patch(`/api/rounds/${round.id}/public-page`, { data: { enabled: true, version: settings.version } })).ok()).toBe(true);
  const publicPath = ((await (await page.request.get(`/api/rounds/${round.id}/public-page`)).json()) as { path: string }).path;
  await page.goto(`/rounds/${round.id}/public/print`);
  await expect(page.getByTestId('qr-image')).toBeVisible();
  await view.goto(publicPath);
  await expect(view.getByTestId('public-form')).toBeVisible();
  await view.waitForLoadState('networkidle');
  await guest.close();

  expect([...violations, ...guestViolations]).toEqual([]);
});
