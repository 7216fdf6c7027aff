import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { demoRound, getMeasure, summaryOf } from '../fixtures/api';
import { DEMO_PASSWORD, signIn } from '../fixtures/auth';
import { PNG_1X1, tinyPdf } from '../fixtures/files';

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');
const FITNESS = '室外健身器材配建管理办法';
const REASON = '佐证材料不足：请补充器材维修验收单（e2e）';

async function shot(page: Page, name: string) {
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, name), fullPage: true });
}

async function uploadEvidence(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('evidence-panel').locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

test('an officer reports, uploads and submits; the office rejects, then approves; the leader sees it closed', async ({ page, browser }) => {
  // Three accounts, eleven steps: ~40 s on a quiet machine, over 90 s on a loaded one.
  test.setTimeout(180_000);
  // The office's view, in a browser of its own.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, 'office');
  const round = await demoRound(office.request);
  const before = await summaryOf(office.request, round.id);
  expect(before.overdue).toHaveLength(1);
  const measureId = before.overdue[0]!.id;
  const categoryBefore = before.byCategory.find((c) => c.ordinal === 1)!;

  try {
    // 1. The officer signs in through the sign-in page and is sent back where they were going.
    await page.goto('/tasks');
    await expect(page).toHaveURL(/\/login\?next=%2Ftasks$/);
    await expect(page.getByTestId('login-page')).toContainText('登录');
    await page.getByTestId('login-username').fill('officer');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByTestId('user-name')).toHaveText('廖伟');
    await expect(page.getByTestId('user-role')).toHaveText('责任人');
    // My tasks: the overdue measure first, flagged, with the overdue/total badge in the menu (other
    // specs may have given this officer more work in the shared demo round: count what the API says).
    const tasks = (await (await page.request.get('/api/me/tasks')).json()) as { counts: { overdue: number; total: number } };
    expect(tasks.counts.overdue).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('tasks-badge')).toContainText(`${tasks.counts.overdue}/${tasks.counts.total}`);
    const row = page.getByTestId(`task-row-${measureId}`);
    await expect(row).toHaveAttribute('data-tone', 'overdue');
    await expect(row.getByTestId('overdue-flag')).toBeVisible();
    await shot(page, 'tasks.png');
    await row.getByTestId('task-link').click();
    await expect(page).toHaveURL(new RegExp(`/measures/${measureId}$`));
    await expect(page.getByTestId('measure-text')).toContainText(FITNESS);

    // 2. A progress update with an outcome figure, appended to the timeline with its author.
    await page.getByTestId('report-progress').click();
    await page.getByTestId('progress-text').fill('已完成全部健身器材的维修和验收（e2e）');
    await page.getByTestId('progress-percent').fill('100');
    await page.getByTestId('figure-add').click();
    await page.getByTestId('figure-label').fill('更新健身路径');
    await page.getByTestId('figure-value').fill('12');
    await page.getByTestId('figure-unit').fill('处');
    await page.getByTestId('progress-save').click();
    await expect(page.locator('.ant-message')).toContainText('进展已报送');
    const update = page.getByTestId('update-item').first();
    await expect(update).toContainText('已完成全部健身器材的维修和验收（e2e）');
    await expect(update).toContainText('更新健身路径 12处');
    await expect(update.getByTestId('update-author')).toContainText('廖伟');

    // 3. No evidence yet: submitting for closure is disabled, and the evidence tab says why.
    await expect(page.getByTestId('submit-closure')).toBeDisabled();
    await page.getByTestId('tab-evidence').click();
    await expect(page.getByTestId('evidence-needed')).toContainText('申请销号前请至少上传一份佐证材料');
    // A file whose content is not what its name says is refused with the server's message.
    await uploadEvidence(page, '验收单.png', 'image/png', Buffer.from('not really a picture'));
    await expect(page.getByTestId('evidence-error')).toContainText('验收单.png');
    await expect(page.getByTestId('evidence-error')).toContainText(/不支持的文件类型|文件内容与文件扩展名不符/);
    // A real PNG goes in.
    await uploadEvidence(page, '维修现场照片.png', 'image/png', PNG_1X1);
    const evidenceRows = page.getByTestId('evidence-row');
    await expect(evidenceRows).toHaveCount(1);
    await expect(evidenceRows.first()).toContainText('维修现场照片.png');
    await expect(evidenceRows.first()).toContainText('廖伟');
    await expect(evidenceRows.first().getByTestId('evidence-download')).toHaveAttribute('href', /\/api\/evidence\/\d+\/download$/);

    // 4. Submit for closure.
    await expect(page.getByTestId('submit-closure')).toBeEnabled();
    await page.getByTestId('submit-closure').click();
    await page.getByTestId('closure-summary-input').fill('全部器材已维修并验收，附现场照片。');
    await page.getByTestId('closure-submit-ok').click();
    await expect(page.getByTestId('closure-pending')).toContainText('已申请销号，等待对账销号审核');
    await expect(page.getByTestId('measure-status')).toHaveText('待销号');
    await shot(page, 'measure-pending.png');

    // 5. The office rejects it with a reason, from the closure queue.
    await office.goto('/closures');
    const queued = office.locator('[data-testid^="closure-row-"]').filter({ hasText: FITNESS });
    await expect(queued).toHaveCount(1);
    await expect(queued.getByTestId('closure-evidence-link')).toHaveText(/1/);
    await expect(queued.getByTestId('closure-summary')).toContainText('全部器材已维修并验收');
    await shot(office, 'closures.png');
    await queued.getByTestId('closure-reject').click();
    // The reason is required.
    await office.getByTestId('reject-modal-ok').click();
    await expect(office.locator('.ant-modal:visible')).toContainText('请填写原因');
    await office.getByTestId('reject-modal-reason').fill(REASON);
    await office.getByTestId('reject-modal-ok').click();
    await expect(office.locator('.ant-message')).toContainText('已退回');
    await expect(queued).toHaveCount(0);

    // 6. The officer sees why: on the measure and in the notifications.
    await page.reload();
    await expect(page.getByTestId('closure-rejected')).toContainText('销号申请已被退回');
    await expect(page.getByTestId('closure-reason')).toContainText(REASON);
    await expect(page.getByTestId('measure-status')).toHaveText('整改中');
    await shot(page, 'measure-rejected.png');
    await expect(page.getByTestId('notification-count')).toContainText(/[1-9]/);
    await page.getByTestId('notification-bell').click();
    const rejected = page.getByTestId('notification-item').filter({ hasText: '销号被退回' }).first();
    await expect(rejected).toBeVisible();
    await expect(rejected).toHaveAttribute('data-unread', 'true');
    await shot(page, 'notifications.png');
    await rejected.click();
    await expect(page).toHaveURL(new RegExp(`/measures/${measureId}$`));

    // 7. The officer adds what was asked for and submits again.
    await uploadEvidence(page, '器材维修验收单.pdf', 'application/pdf', tinyPdf('Acceptance form'));
    await expect(page.getByTestId('evidence-row')).toHaveCount(2);
    await page.getByTestId('submit-closure').click();
    await page.getByTestId('closure-summary-input').fill('已补充器材维修验收单。');
    await page.getByTestId('closure-submit-ok').click();
    await expect(page.getByTestId('closure-pending')).toBeVisible();

    // 8. The office approves.
    await office.goto('/closures');
    const again = office.locator('[data-testid^="closure-row-"]').filter({ hasText: FITNESS });
    await expect(again.getByTestId('closure-evidence-link')).toHaveText(/2/);
    await again.getByTestId('closure-approve').click();
    await office.locator('.ant-popconfirm:visible').getByRole('button', { name: /同意销号/ }).click();
    await expect(office.locator('.ant-message')).toContainText('已同意销号');
    await expect(again).toHaveCount(0);

    // The officer's measure is now closed and locked.
    await page.reload();
    await expect(page.getByTestId('measure-status')).toHaveText('已销号');
    await expect(page.getByTestId('measure-locked')).toBeVisible();
    await expect(page.getByTestId('report-progress')).toHaveCount(0);
    await expect(page.getByTestId('submit-closure')).toHaveCount(0);
    await page.getByTestId('tab-history').click();
    await expect(page.locator('[data-testid="history-entry"][data-action="approve"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="history-entry"][data-action="reject"]')).toContainText(REASON);
    await shot(page, 'measure-history.png');

    // 9. The leader's dashboard: category 一 has one more closed measure, nothing is overdue.
    const leaderContext = await browser.newContext();
    const leader = await leaderContext.newPage();
    await signIn(leader, 'leader');
    await leader.goto(`/rounds/${round.id}`);
    await expect(leader.getByTestId('user-name')).toHaveText('莫海涛');
    await expect(leader.getByTestId(`category-row-${categoryBefore.categoryId}`).getByTestId('closed-count')).toHaveText(
      String(categoryBefore.closed + 1),
    );
    await expect(leader.getByTestId('stat-overdue')).toContainText('0');
    await expect(leader.getByTestId('overdue-list').locator('.rectify-table-row')).toHaveCount(0);
    await leaderContext.close();
  } finally {
    // Leave the demo round as the other specs expect it: the measure open again (and overdue).
    const current = await getMeasure(office.request, measureId);
    if (current.status === 'closed') {
      await office.request.post(`/api/measures/${measureId}/reopen`, { data: { reason: 'e2e：恢复演示数据' } });
    } else if (current.status === 'pending_closure') {
      const pending = ((await (await office.request.get('/api/closures?state=pending&limit=200')).json()) as { items: { id: number; measureId: number }[] }).items;
      for (const c of pending.filter((x) => x.measureId === measureId)) {
        await office.request.post(`/api/closures/${c.id}/reject`, { data: { reason: 'e2e：恢复演示数据' } });
      }
    }
    await officeContext.close();
  }
});
