import { Card, List, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { enumerationWord, subsectionNumber, type MeasureListItem } from '@rectify/domain';
import { useT } from '../../i18n';
import { DemoTag } from '../../shared/DemoTag';
import { OverdueTag, StatusTag } from '../../shared/StatusTag';
import { shortTitle } from '../../shared/labels';
import { LoadMore } from '../../shared/LoadMore';
import { useScreen } from '../../shared/useScreen';
import { ClampedText } from '../../shared/ClampedText';

interface Props {
  items: MeasureListItem[];
  total: number;
  loading: boolean;
  /** The server pages the list (keyset): whether there is more, and fetching it. */
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  /** With bulk selection: the ids ticked (across pages) and what ticking does. */
  selection?: { keys: number[]; onChange: (keys: number[], rows: MeasureListItem[]) => void };
}

/** The measure list of the dashboard, paged by the server (load more): a table, or cards on a phone. */
export function MeasureTable({ items, total, loading, hasMore, loadingMore, onMore, selection }: Props) {
  const t = useT();
  const { phone } = useScreen();
  const more = (
    <LoadMore
      testId="measure-list-more"
      prefix={<Typography.Text data-testid="measure-list-total">{t('dashboard.listTotal', { n: total })}</Typography.Text>}
      shown={items.length}
      total={total}
      hasMore={hasMore}
      loading={loadingMore}
      onMore={onMore}
    />
  );

  if (phone) {
    return (
      <div data-testid="measure-list" data-layout="cards" style={{ padding: 12 }}>
        <List<MeasureListItem>
          loading={loading}
          dataSource={items}
          rowKey="id"
          split={false}
          renderItem={(m) => (
            <List.Item style={{ padding: '0 0 10px', display: 'block' }}>
              <Card size="small" data-testid={`measure-card-${m.id}`}>
                <Link to={`/measures/${m.id}`} style={{ display: 'block' }}>
                  <ClampedText rows={3}>
                    <strong>{enumerationWord(m.ordinal)}</strong> {m.text}
                  </ClampedText>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {subsectionNumber(m.path.category.ordinal)}
                  {shortTitle(m.path.category.title, 14)} · {m.path.problem.ordinal}. {shortTitle(m.path.problem.title, 20)}
                </Typography.Text>
                <Space size={4} wrap style={{ marginTop: 6 }}>
                  <StatusTag status={m.status} />
                  {m.overdue && <OverdueTag days={m.daysOverdue} />}
                  {m.demo && <DemoTag />}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.leader?.name ?? t('common.none')} · {m.leadDepartment?.name ?? t('common.none')} · {m.deadline ?? t('common.none')}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
        {more}
      </div>
    );
  }

  return (
    <div data-testid="measure-list" data-layout="table">
      <Table<MeasureListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        rowSelection={
          selection && {
            selectedRowKeys: selection.keys,
            preserveSelectedRowKeys: true,
            onChange: (keys, rows) => selection.onChange(keys as number[], rows),
            getCheckboxProps: (m) => ({ 'aria-label': t('bulk.selectMeasure', { text: shortTitle(m.text, 30) }) }) as object,
          }
        }
        onRow={(m) => ({ 'data-testid': `measure-row-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('dashboard.col.location'),
            width: 230,
            className: 'rectify-col-location',
            render: (_, m) => (
              <div style={{ fontSize: 12, lineHeight: 1.6 }}>
                <div title={m.path.category.title}>
                  {subsectionNumber(m.path.category.ordinal)}
                  <span className="rectify-screen-only">{shortTitle(m.path.category.title, 14)}</span>
                  <span className="rectify-print-only">{m.path.category.title}</span>
                </div>
                <div className="rectify-print-full">
                  <ClampedText rows={1} title={m.path.problem.title}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.path.problem.ordinal}. {m.path.problem.title}
                    </Typography.Text>
                  </ClampedText>
                </div>
              </div>
            ),
          },
          {
            title: t('dashboard.col.measure'),
            dataIndex: 'text',
            render: (text: string, m) => (
              <Link to={`/measures/${m.id}`}>
                <span className="rectify-screen-only">
                  <ClampedText rows={2} title={text}>
                    <Typography.Text type="secondary">{enumerationWord(m.ordinal)}</Typography.Text> {text}
                  </ClampedText>
                </span>
                {/* On paper: the whole text (an ellipsis there hides what the meeting must read). */}
                <span className="rectify-print-only" data-testid="measure-print-text">
                  {enumerationWord(m.ordinal)} {text}
                </span>
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
      {more}
    </div>
  );
}
