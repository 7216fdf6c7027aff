import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { enumerationWord, subsectionNumber, type MeasureListItem } from '@rectify/domain';
import { useT } from '../../i18n';
import { OverdueTag, StatusTag, DemoTag } from '../../shared/StatusTag';
import { shortTitle } from '../../shared/labels';

interface Props {
  items: MeasureListItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** The measure list of the dashboard, paged by the server. */
export function MeasureTable({ items, total, page, pageSize, loading, onPage }: Props) {
  const t = useT();
  return (
    <div data-testid="measure-list">
    <Table<MeasureListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50],
        showQuickJumper: false,
        showTotal: (n) => <span data-testid="measure-list-total">{t('dashboard.listTotal', { n })}</span>,
        onChange: onPage,
      }}
      columns={[
        {
          title: t('dashboard.col.location'),
          width: 230,
          render: (_, m) => (
            <div style={{ fontSize: 12, lineHeight: 1.6 }}>
              <div title={m.path.category.title}>
                {subsectionNumber(m.path.category.ordinal)}
                {shortTitle(m.path.category.title, 14)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: m.path.problem.title }}>
                {m.path.problem.ordinal}. {m.path.problem.title}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t('dashboard.col.measure'),
          dataIndex: 'text',
          render: (text: string, m) => (
            <Link to={`/measures/${m.id}`}>
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0, color: 'inherit' }}>
                <Typography.Text type="secondary">{enumerationWord(m.ordinal)}</Typography.Text> {text}
              </Typography.Paragraph>
            </Link>
          ),
        },
        {
          title: t('dashboard.col.status'),
          width: 150,
          render: (_, m) => (
            <>
              <StatusTag status={m.status} />
              {m.overdue && <OverdueTag days={m.daysOverdue} />}
              {m.demo && <DemoTag />}
            </>
          ),
        },
        { title: t('dashboard.col.leader'), width: 100, render: (_, m) => m.leader?.name ?? t('common.none') },
        { title: t('dashboard.col.department'), width: 130, render: (_, m) => m.leadDepartment?.name ?? t('common.none') },
        { title: t('dashboard.col.deadline'), dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? t('common.none') },
      ]}
    />
    </div>
  );
}
