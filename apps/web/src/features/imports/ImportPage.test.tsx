import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TextImportPreviewResult } from '@rectify/domain';
import ImportPage from './ImportPage';
import { mockFetch, renderRoute } from '../../test/render';
import { round } from '../../test/fixtures';

const parsed: TextImportPreviewResult = {
  round: { committee: '中共城中区十一届委员会', roundName: '第三轮', groupName: '第一巡察组', inspectedUnit: '区文化体育广电和旅游局', feedbackDate: '2023-03-15' },
  categories: [
    {
      ordinal: 1,
      title: '聚焦全面从严治党方面',
      line: 10,
      problems: [
        {
          ordinal: 1,
          numbered: true,
          title: '工作作风不够严实',
          line: 12,
          manifestations: [],
          measures: [
            { ordinal: 1, text: '第一项措施', line: 13 },
            { ordinal: 2, text: '第二项措施', line: 13 },
          ],
        },
      ],
    },
  ],
  declared: { measures: 5 },
  regulations: [],
  warnings: [{ line: 12, message: '第1个问题缺少序号', messageEn: 'Problem 1 has no number' }],
};

describe('ImportPage', () => {
  it('parses pasted text, lets the office edit and reorder, and confirms the edited hierarchy', { timeout: 90_000 }, async () => {
    const { fetchMock, calls } = mockFetch((url, init) => {
      if (url.pathname === '/api/auth/me') return { body: { user: { role: 'office', access: ['hierarchy.write'] } } };
      if (url.pathname === '/api/import/text/preview') return { body: parsed };
      if (url.pathname === '/api/import/text' && init?.method === 'POST') return { status: 201, body: { ...round, id: 9 } };
      return undefined;
    });
    vi.stubGlobal('fetch', fetchMock);
    renderRoute('/import', <ImportPage />, '/import');

    fireEvent.change(await screen.findByTestId('import-text'), { target: { value: '关于……整改情况的通报' } });
    await waitFor(() => expect(screen.getByTestId('import-parse').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('import-parse'));

    expect(await screen.findAllByTestId('review-category')).toHaveLength(1);
    expect(screen.getByTestId('gap-measures').textContent).toContain('通报称 5 项整改措施，解析出 2 项');
    expect(screen.getByTestId('review-warning').textContent).toContain('第 12 行');

    // Edit the problem title, swap the two measures, add a third.
    fireEvent.change(screen.getByTestId('problem-title'), { target: { value: '工作作风不够严实细' } });
    const measures = screen.getAllByTestId('review-measure');
    fireEvent.click(within(measures[1]!).getByTestId('move-up'));
    fireEvent.click(screen.getByTestId('review-measure-add'));
    const third = screen.getAllByTestId('review-measure')[2]!;
    fireEvent.change(third.querySelector('textarea')!, { target: { value: '第三项措施' } });

    // A blank required field blocks the confirmation.
    fireEvent.change(screen.getByTestId('round-groupName'), { target: { value: '' } });
    expect((await screen.findByTestId('review-issues')).textContent).toContain('请填写“巡察组”');
    expect(screen.getByTestId('import-confirm').hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('round-groupName'), { target: { value: '第一巡察组' } });

    await waitFor(() => expect(screen.getByTestId('import-confirm').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('import-confirm'));
    await screen.findByText('elsewhere'); // navigated to the new round's dashboard

    const post = calls.find((c) => c.url.pathname === '/api/import/text');
    expect(JSON.parse(String(post?.init?.body))).toEqual({
      round: { committee: '中共城中区十一届委员会', roundName: '第三轮', groupName: '第一巡察组', inspectedUnit: '区文化体育广电和旅游局', feedbackDate: '2023-03-15' },
      categories: [{ title: '聚焦全面从严治党方面', problems: [{ title: '工作作风不够严实细', measures: ['第二项措施', '第一项措施', '第三项措施'] }] }],
    });
  });
});
