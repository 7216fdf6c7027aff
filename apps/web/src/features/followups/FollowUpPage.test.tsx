import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FollowUpDetail } from '@rectify/domain';
import FollowUpPage from './FollowUpPage';
import { mockFetch, renderRoute } from '../../test/render';
import { round } from '../../test/fixtures';

/** A review with one result recorded (反弹): the API says the office may manage it and that it is locked. */
const review: FollowUpDetail = {
  id: 7,
  roundId: 1,
  scheduledOn: '2023-12-01',
  reviewer: { id: 3, name: '莫海涛' },
  scope: 'measures',
  categories: [],
  note: '半年后回头看',
  createdAt: '2023-11-20T02:00:00.000Z',
  createdBy: { id: 2, username: 'office', name: null },
  counts: { total: 1, held: 0, slid: 1, pending: 0 },
  state: 'done',
  mayRecord: true,
  mayManage: true,
  locked: true,
  version: 2,
  items: [
    {
      id: 70,
      followUpId: 7,
      measure: {
        id: 101,
        text: '定期巡检健身器材',
        status: 'in_progress',
        kind: 'deadline',
        deadline: '2024-06-30',
        relapseDeadline: 'optional',
        completedDate: null,
        category: { id: 1, ordinal: 1, title: '方面一' },
        problem: { id: 2, ordinal: 1, title: '问题一' },
        leader: { id: 3, name: '莫海涛' },
        leadDepartment: { id: 4, name: '体育股' },
      },
      result: 'slid',
      note: '器材再次损坏',
      recordedAt: '2023-12-01T03:00:00.000Z',
      recordedBy: { id: 5, username: 'leader', name: '莫海涛' },
      evidence: [],
      version: 1,
    },
  ],
};

describe('FollowUpPage (the office, results recorded)', () => {
  it('edits the note only, offers no deletion, and corrects 反弹 → 巩固 with the version read, saying the measure stays open', async () => {
    const { fetchMock, calls } = mockFetch((url, init) => {
      const method = init?.method ?? 'GET';
      if (url.pathname === '/api/follow-ups/7' && method === 'GET') return { body: review };
      if (url.pathname === '/api/follow-ups/7' && method === 'PATCH') return { body: { ...review, note: '已完成检查', version: 3 } };
      if (url.pathname === '/api/follow-up-items/70' && method === 'PATCH') return { body: { ...review.items[0], result: 'held', version: 2 } };
      if (url.pathname === '/api/rounds/1') return { body: round };
      if (url.pathname === '/api/rounds/1/tree') return { body: { ...round, categories: [] } };
      if (url.pathname === '/api/people') return { body: { items: [], nextCursor: null, total: 0 } };
      return undefined;
    });
    vi.stubGlobal('fetch', fetchMock);
    renderRoute('/follow-ups/:id', <FollowUpPage />, '/follow-ups/7');

    await screen.findByTestId('follow-up-page');
    expect(screen.queryByTestId('follow-up-delete')).toBeNull();

    fireEvent.click(screen.getByTestId('follow-up-edit'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('开展日期、检查人和范围不能再修改');
    fireEvent.change(within(dialog).getByTestId('follow-up-note'), { target: { value: '已完成检查' } });
    fireEvent.click(screen.getByTestId('follow-up-edit-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.url.pathname === '/api/follow-ups/7')).toBe(true));
    const edit = calls.find((c) => c.method === 'PATCH' && c.url.pathname === '/api/follow-ups/7')!;
    expect(JSON.parse(String(edit.init?.body))).toEqual({ version: 2, note: '已完成检查' });

    fireEvent.click(await screen.findByTestId('follow-up-correct'));
    fireEvent.click(await screen.findByTestId('follow-up-correct-held'));
    expect((await screen.findAllByRole('dialog')).some((d) => d.textContent?.includes('不会自动恢复销号'))).toBe(true);
    fireEvent.click(screen.getByTestId('follow-up-correct-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.url.pathname === '/api/follow-up-items/70')).toBe(true));
    const correction = calls.find((c) => c.method === 'PATCH' && c.url.pathname === '/api/follow-up-items/70')!;
    expect(JSON.parse(String(correction.init?.body))).toEqual({ result: 'held', version: 1, note: '器材再次损坏' });
  });
});

/** A review whose one measure was found 巩固 and is closed; its deadline (2023-09-30) has passed, so the API asks a new one of a 反弹. */
const heldReview: FollowUpDetail = {
  ...review,
  counts: { total: 1, held: 1, slid: 0, pending: 0 },
  items: [
    {
      ...review.items[0]!,
      measure: { ...review.items[0]!.measure, status: 'closed', completedDate: '2023-09-20', deadline: '2023-09-30', relapseDeadline: 'required' },
      result: 'held',
      note: '未见反弹',
    },
  ],
};

describe('FollowUpPage: correcting 巩固 → 反弹 (限期整改)', () => {
  it('asks the reopened measure’s new deadline where its own has passed, sends it, and keeps the API’s refusal in the dialog', async () => {
    const { fetchMock, calls } = mockFetch((url, init) => {
      const method = init?.method ?? 'GET';
      if (url.pathname === '/api/follow-ups/7' && method === 'GET') return { body: heldReview };
      if (url.pathname === '/api/follow-up-items/70' && method === 'PATCH') {
        return { status: 409, body: { error: { code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后重试' } } };
      }
      if (url.pathname === '/api/rounds/1') return { body: round };
      return undefined;
    });
    vi.stubGlobal('fetch', fetchMock);
    renderRoute('/follow-ups/:id', <FollowUpPage />, '/follow-ups/7');

    fireEvent.click(await screen.findByTestId('follow-up-correct'));
    const dialog = await screen.findByRole('dialog');
    // 巩固 kept: no date to set.
    expect(within(dialog).queryByTestId('follow-up-deadline')).toBeNull();
    fireEvent.click(within(dialog).getByTestId('follow-up-correct-slid'));
    await within(dialog).findByTestId('follow-up-deadline');
    expect(dialog.textContent).toContain('原完成时限 2023-09-30 已过');
    fireEvent.change(within(dialog).getByTestId('follow-up-correct-note'), { target: { value: '复核发现器材再次损坏' } });

    // Required: not sent without it.
    fireEvent.click(screen.getByTestId('follow-up-correct-submit'));
    expect(await within(dialog).findByText('请选择新的完成时限')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    const date = within(dialog).getByTestId('follow-up-deadline');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2099-01-31' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(screen.getByTestId('follow-up-correct-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.url.pathname === '/api/follow-up-items/70')).toBe(true));
    const correction = calls.find((c) => c.method === 'PATCH')!;
    expect(JSON.parse(String(correction.init?.body))).toEqual({ result: 'slid', version: 1, note: '复核发现器材再次损坏', deadline: '2099-01-31' });
    // The API's refusal stays in the dialog, with what was typed.
    expect(await within(dialog).findByText('该记录已被他人修改，请刷新后重试')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBe(dialog);
  });
});
