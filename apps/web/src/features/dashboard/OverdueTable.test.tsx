import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import type { OverdueMeasure } from '@rectify/domain';
import { renderRoute } from '../../test/render';
import { OverdueTable } from './OverdueTable';

const overdue = (n: number): OverdueMeasure[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    text: `第${i + 1}项超期措施`,
    deadline: '2023-06-30',
    daysOverdue: 100 - i,
    status: 'in_progress',
    leader: null,
    leadDepartment: null,
    category: { id: 1, ordinal: 1, title: '方面' },
    problem: { id: 1, ordinal: 1, title: '问题' },
  }));

describe('OverdueTable', () => {
  it('lists the ten longest overdue the summary sends and sends the rest to the measure list', async () => {
    const onShowAll = vi.fn();
    renderRoute('/', <OverdueTable items={overdue(10)} total={675} onShowAll={onShowAll} />, '/');
    expect(await screen.findAllByTestId('overdue-measure-link')).toHaveLength(10);
    expect(screen.getByTestId('overdue-more').textContent).toContain('另有 665 项超期措施未列出');
    fireEvent.click(screen.getByTestId('overdue-show-all'));
    expect(onShowAll).toHaveBeenCalledOnce();
  });

  it('lists a few in full, with nothing more to show', async () => {
    renderRoute('/', <OverdueTable items={overdue(3)} total={3} onShowAll={() => {}} />, '/');
    expect(await screen.findAllByTestId('overdue-measure-link')).toHaveLength(3);
    expect(screen.queryByTestId('overdue-more')).toBeNull();
  });
});
