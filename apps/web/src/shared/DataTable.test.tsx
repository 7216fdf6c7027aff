import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { DataTable, type DataColumn } from './DataTable';

interface Row {
  id: number;
  name: string;
  count: number;
}
const rows: Row[] = [
  { id: 1, name: '甲', count: 3 },
  { id: 2, name: '乙', count: 5 },
  { id: 3, name: '丙', count: 0 },
];
const columns: DataColumn<Row>[] = [
  { key: 'name', title: '名称', render: (r) => r.name },
  { key: 'count', title: '数量', width: 60, align: 'right', render: (r) => r.count },
];

/** The table with its ticks kept in state, as a page keeps them. */
function Ticking({ shown }: { shown: Row[] }) {
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  return (
    <>
      <output data-testid="ticked">{[...ticked].sort().join(',')}</output>
      <DataTable
        rows={shown}
        rowKey={(r) => r.id}
        columns={columns}
        selection={{
          isSelected: (r) => ticked.has(r.id),
          onChange: (changed, tick) => {
            const next = new Set(ticked);
            for (const r of changed) {
              if (tick) next.add(r.id);
              else next.delete(r.id);
            }
            setTicked(next);
          },
          label: (r) => `选择${r.name}`,
          allLabel: '全选',
        }}
      />
    </>
  );
}

describe('DataTable', () => {
  it('draws a row per item under the column titles, with the cells each column renders', () => {
    render(<DataTable rows={rows} rowKey={(r) => r.id} columns={columns} rowTestId={(r) => `row-${r.id}`} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['名称', '数量']);
    expect(within(screen.getByTestId('row-2')).getAllByRole('cell').map((td) => td.textContent)).toEqual(['乙', '5']);
    expect(within(screen.getByTestId('row-2')).getAllByRole('cell')[1]!.classList.contains('rectify-table-align-right')).toBe(true);
  });

  it('says so when there are no rows', () => {
    render(<DataTable rows={[]} rowKey={(r: Row) => r.id} columns={columns} empty="没有数据" />);
    expect(screen.getByRole('cell').textContent).toBe('没有数据');
  });

  it('ticks one row, then every row shown from the header box, and unticks them all again', () => {
    render(<Ticking shown={rows} />);
    fireEvent.click(screen.getByLabelText('选择乙'));
    expect(screen.getByTestId('ticked').textContent).toBe('2');
    const all = screen.getByLabelText('全选');
    expect(all.closest('.ant-checkbox')?.classList.contains('ant-checkbox-indeterminate')).toBe(true);
    fireEvent.click(all);
    expect(screen.getByTestId('ticked').textContent).toBe('1,2,3');
    expect((screen.getByLabelText('全选') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('全选'));
    expect(screen.getByTestId('ticked').textContent).toBe('');
    expect((screen.getByLabelText('选择乙') as HTMLInputElement).checked).toBe(false);
  });

  it('runs a row’s action on a click and on Enter, and marks the row picked', () => {
    const onRowClick = vi.fn();
    render(<DataTable rows={rows} rowKey={(r) => r.id} columns={columns} rowTestId={(r) => `row-${r.id}`} onRowClick={onRowClick} isRowActive={(r) => r.id === 3} />);
    fireEvent.click(screen.getByText('甲'));
    fireEvent.keyDown(screen.getByTestId('row-2'), { key: 'Enter' });
    expect(onRowClick.mock.calls.map(([r]) => (r as Row).id)).toEqual([1, 2]);
    expect(screen.getByTestId('row-3').classList.contains('rectify-selected')).toBe(true);
    expect(screen.getByTestId('row-1').classList.contains('rectify-selected')).toBe(false);
    expect(screen.getByTestId('row-1').getAttribute('tabindex')).toBe('0');
  });

  it('keeps the rows while it reloads, dimmed and marked busy', () => {
    const { container } = render(<DataTable rows={rows} rowKey={(r) => r.id} columns={columns} loading />);
    expect(container.querySelector('.rectify-table-wrapper')?.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('甲').tagName).toBe('TD');
  });
});
