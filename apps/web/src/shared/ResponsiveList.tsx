import type { ReactNode } from 'react';
import { Empty, List, Table, type TableProps } from 'antd';
import { useScreen } from './useScreen';

interface Props<T> {
  rows: readonly T[];
  rowKey: (row: T) => number | string;
  /** The desktop table. */
  table: Omit<TableProps<T>, 'dataSource' | 'rowKey'>;
  /** One row as a card on a phone, where a table's columns would be one character wide. */
  card: (row: T) => ReactNode;
  empty?: ReactNode;
  testId?: string;
}

/** A table on wide screens, a list of cards on phones: the same rows either way. */
export function ResponsiveList<T extends object>({ rows, rowKey, table, card, empty, testId }: Props<T>) {
  const { phone } = useScreen();
  if (phone) {
    return (
      <div data-testid={testId} data-layout="cards">
        {rows.length === 0 ? (
          empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List<T>
            dataSource={[...rows]}
            rowKey={rowKey}
            split={false}
            renderItem={(row) => <List.Item style={{ padding: '0 0 10px', display: 'block' }}>{card(row)}</List.Item>}
          />
        )}
      </div>
    );
  }
  return (
    <div data-testid={testId} data-layout="table">
      <Table<T> {...table} rowKey={rowKey} dataSource={[...rows]} locale={empty ? { emptyText: empty } : table.locale} />
    </div>
  );
}
