import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Meeting, Regulation, RoundTree } from '@rectify/domain';
import RegistersPage from './RegistersPage';
import { mockFetch, renderRoute } from '../../test/render';
import { round } from '../../test/fixtures';

const tree: RoundTree = {
  round,
  today: '2023-08-18',
  counts: { total: 1, closed: 0, inProgress: 1, notStarted: 0, pendingClosure: 0, overdue: 0 } as RoundTree['counts'],
  categories: [{ id: 11, ordinal: 1, title: '方面', demo: false, version: 0, problems: [{ id: 21, ordinal: 2, title: '问题', demo: false, version: 0, manifestations: [], measures: [{ id: 31, ordinal: 3, text: '制定公务接待管理办法' }] }] }],
} as unknown as RoundTree;
const regulation: Regulation = { id: 5, roundId: 1, title: '《公务接待管理办法》', documentNumber: '城文体发〔2023〕12号', issuedDate: '2023-05-06', issuingUnit: '城中区文化体育广电和旅游局', measureIds: [31], file: { fileName: '办法.pdf', mimeType: 'application/pdf', size: 10 }, demo: false, version: 2 };
const meetings: Meeting[] = [
  { id: 7, roundId: 1, type: 'party_group', date: '2023-04-02', topic: '党组会研究整改方案', attendees: '班子成员', file: null, demo: false, version: 0 },
  { id: 8, roundId: 1, type: 'party_group', date: null, topic: '党组会', attendees: null, file: null, demo: false, version: 0 },
  { id: 9, roundId: 1, type: 'democratic_life', date: '2023-06-20', topic: '专题民主生活会', attendees: null, file: null, demo: false, version: 0 },
];

function stubApi(role: 'office' | 'inspector') {
  const { fetchMock, calls } = mockFetch((url, init) => {
    if (url.pathname === '/api/auth/me') return { body: { user: { role, access: role === 'office' ? ['read', 'hierarchy.write'] : ['read'] } } };
    if (url.pathname === '/api/rounds/1') return { body: round };
    if (url.pathname === '/api/rounds/1/tree') return { body: tree };
    if (url.pathname === '/api/rounds/1/regulations' && (init?.method ?? 'GET') === 'GET') return { body: [regulation] };
    if (url.pathname === '/api/rounds/1/meetings' && (init?.method ?? 'GET') === 'GET') return { body: meetings };
    if (url.pathname === '/api/rounds/1/meetings') return { status: 201, body: { ...meetings[0]!, id: 10, ...JSON.parse(String(init?.body)) } };
    return undefined;
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

describe('RegistersPage', () => {
  it('lists the rules (as cards on the narrow test screen) with their number, date, issuer, linked measure numbered as in the tree, and file', async () => {
    stubApi('office');
    renderRoute('/rounds/:id/registers', <RegistersPage />, '/rounds/1/registers');
    const row = await screen.findByTestId('regulation-card-5');
    expect(row.textContent).toContain('城文体发〔2023〕12号');
    expect(row.textContent).toContain('2023-05-06');
    await waitFor(() => expect(within(row).getByText('1.2.3')).toBeTruthy());
    expect(within(row).getByTestId('regulation-file-5').textContent).toContain('办法.pdf');
    expect(screen.getByTestId('edit-regulation-5')).toBeTruthy();
  });

  it('counts the meetings by type with the domain’s labels and adds one as the office', async () => {
    const calls = stubApi('office');
    renderRoute('/rounds/:id/registers', <RegistersPage />, '/rounds/1/registers?tab=meetings');
    const counts = await screen.findByTestId('meeting-counts');
    expect(counts.textContent).toContain('党组会 2 次');
    expect(counts.textContent).toContain('民主生活会 1 次');
    expect(screen.getByTestId('meeting-card-8').textContent).toContain('日期待补充');

    fireEvent.click(screen.getByTestId('add-meeting'));
    const form = await screen.findByTestId('meeting-form');
    fireEvent.change(within(form).getByTestId('meeting-topic'), { target: { value: '  整改推进专题会 ' } });
    fireEvent.submit(form);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/rounds/1/meetings')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(String(post.init?.body))).toEqual({ type: 'leadership', date: null, topic: '整改推进专题会', attendees: null });
  });

  it('shows the inspection team the registers without any way to change them', async () => {
    stubApi('inspector');
    renderRoute('/rounds/:id/registers', <RegistersPage />, '/rounds/1/registers');
    await screen.findByTestId('regulation-card-5');
    expect(screen.queryByTestId('add-regulation')).toBeNull();
    expect(screen.queryByTestId('edit-regulation-5')).toBeNull();
    expect(screen.queryByTestId('regulation-upload-5')).toBeNull();
  });
});
