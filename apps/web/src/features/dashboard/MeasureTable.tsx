import { Empty, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { enumerationWord, subsectionNumber, type MeasureListItem } from '@rectify/domain';
import { useT } from '../../i18n';
import { DemoTag } from '../../shared/DemoTag';
import { OverdueTag, StatusTag } from '../../shared/StatusTag';
import { shortTitle } from '../../shared/labels';
import { LoadMore } from '../../shared/LoadMore';
import { Panel } from '../../shared/Panel';
import { useScreen } from '../../shared/useScreen';
import { ClampedText } from '../../shared/ClampedText';
import { DataTable, type RowSelection } from '../../shared/DataTable';

interface Props {
  items: MeasureListItem[];
  total: number;
  loading: boolean;
  /** The server pages the list (keyset): whether there is more, and fetching it. */
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  /** With 批量设置: which measures are ticked (across pages) and what ticking some does. */
  selection?: Pick<RowSelection<MeasureListItem>, 'isSelected' | 'onChange'>;
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
      <div data-testid="measure-list" data-layout="cards" style={{ padding: 12 }} aria-busy={loading || undefined}>
        {items.length === 0 ? (
          loading ? (
            <div style={{ padding: 24, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )
        ) : (
          // Reloading (another filter): the cards stay, dimmed, until the new ones come.
          items.map((m) => (
            <Panel key={m.id} data-testid={`measure-card-${m.id}`} style={{ marginBottom: 10, ...(loading && { opacity: 0.5 }) }} bodyStyle={{ padding: 12 }}>
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
            </Panel>
          ))
        )}
        {more}
      </div>
    );
  }

  return (
    <div data-testid="measure-list" data-layout="table">
      <DataTable<MeasureListItem>
        rows={items}
        rowKey={(m) => m.id}
        loading={loading}
        rowTestId={(m) => `measure-row-${m.id}`}
        selection={
          selection && {
            ...selection,
            label: (m) => t('bulk.selectMeasure', { text: shortTitle(m.text, 30) }),
            allLabel: t('bulk.selectPage'),
          }
        }
        columns={[
          {
            key: 'location',
            title: t('dashboard.col.location'),
            width: 230,
            className: 'rectify-col-location',
            render: (m) => (
              <div style={{ fontSize: 12, lineHeight: 1.6 }}>
                <div title={m.path.category.title}>
                  {subsectionNumber(m.path.category.ordinal)}
                  <span className="rectify-screen-only">{shortTitle(m.path.category.title, 14)}</span>
                  <span className="rectify-print-only">{m.path.category.title}</span>
                </div>
                <div className="rectify-print-full">
                  <ClampedText rows={1} title={m.path.problem.title}>
                    <span className="rectify-secondary">
                      {m.path.problem.ordinal}. {m.path.problem.title}
                    </span>
                  </ClampedText>
                </div>
              </div>
            ),
          },
          {
            key: 'text',
            title: t('dashboard.col.measure'),
            render: (m) => (
              <Link to={`/measures/${m.id}`}>
                <span className="rectify-screen-only">
                  <ClampedText rows={2} title={m.text}>
                    <span className="rectify-secondary">{enumerationWord(m.ordinal)}</span> {m.text}
                  </ClampedText>
                </span>
                {/* On paper: the whole text (an ellipsis there hides what the meeting must read). */}
                <span className="rectify-print-only" data-testid="measure-print-text">
                  {enumerationWord(m.ordinal)} {m.text}
                </span>
              </Link>
            ),
          },
          {
            key: 'status',
            title: t('dashboard.col.status'),
            width: 150,
            render: (m) => (
              <>
                <StatusTag status={m.status} />
                {m.overdue && <OverdueTag days={m.daysOverdue} />}
                {m.demo && <DemoTag />}
              </>
            ),
          },
          { key: 'leader', title: t('dashboard.col.leader'), width: 100, render: (m) => m.leader?.name ?? t('common.none') },
          { key: 'department', title: t('dashboard.col.department'), width: 130, render: (m) => m.leadDepartment?.name ?? t('common.none') },
          { key: 'deadline', title: t('dashboard.col.deadline'), width: 110, render: (m) => m.deadline ?? t('common.none') },
        ]}
      />
      {more}
    </div>
  );
}
