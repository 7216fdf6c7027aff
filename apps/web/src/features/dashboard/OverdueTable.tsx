import { Button, Empty, Space, Typography } from 'antd';
import { CheckCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { subsectionNumber, type OverdueMeasure } from '@rectify/domain';
import { useT } from '../../i18n';
import { categoryLabel, problemLabel, shortTitle } from '../../shared/labels';
import { Panel } from '../../shared/Panel';
import { OverdueTag } from '../../shared/StatusTag';
import { DataTable } from '../../shared/DataTable';
import { useScreen } from '../../shared/useScreen';
import { ClampedText } from '../../shared/ClampedText';

/**
 * The longest overdue measures as the summary sends them (at most ten), and `total`, how many are
 * overdue in all; the rest are a click away in the measure list. `linkMeasures: false` where the
 * reader may not open a measure (the share page); `onShowAll` opens every overdue measure in the
 * page's measure list.
 */
export function OverdueTable({ items, total, linkMeasures = true, onShowAll }: { items: OverdueMeasure[]; total: number; linkMeasures?: boolean; onShowAll?: () => void }) {
  const t = useT();
  const { phone } = useScreen();
  const hasItems = items.length > 0;
  const unlisted = Math.max(0, total - items.length);
  const measureText = (m: OverdueMeasure) => {
    const body = (
      <ClampedText rows={2} title={m.text}>
        {m.text}
      </ClampedText>
    );
    return linkMeasures ? (
      <Link to={`/measures/${m.id}`} style={{ color: '#cf1322' }} data-testid="overdue-measure-link">
        {body}
      </Link>
    ) : (
      <span style={{ color: '#cf1322' }} data-testid="overdue-measure-text">{body}</span>
    );
  };
  const location = (m: OverdueMeasure) => (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      <div title={categoryLabel(m.category)}>
        {subsectionNumber(m.category.ordinal)}
        {shortTitle(m.category.title, 16)}
      </div>
      <span className="rectify-secondary">{problemLabel(m.problem)}</span>
    </div>
  );
  return (
    <Panel
      data-testid="overdue-list"
      title={
        <span style={{ color: hasItems ? '#cf1322' : undefined }}>
          {hasItems ? <WarningFilled /> : <CheckCircleOutlined style={{ color: '#3f9c35' }} />}{' '}
          {t('dashboard.overdueTitle')}
        </span>
      }
      extra={hasItems ? <Typography.Text type="danger">{t('dashboard.overdueCount', { n: total })}</Typography.Text> : null}
      headStyle={hasItems ? { background: '#fff1f0', borderBottom: '1px solid #ffccc7' } : undefined}
      bodyStyle={{ padding: hasItems && !phone ? 0 : phone ? 12 : 16 }}
      style={hasItems ? { borderColor: '#ffa39e' } : undefined}
    >
      {hasItems ? (
        <>
        {phone ? (
          <div data-layout="cards">
            {items.map((m) => (
              <Panel key={m.id} data-testid="overdue-card" style={{ marginBottom: 10 }} bodyStyle={{ padding: 12 }}>
                {measureText(m)}
                {location(m)}
                <Space size={4} wrap style={{ marginTop: 6 }}>
                  <OverdueTag days={m.daysOverdue} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.leader?.name ?? t('common.none')} · {m.leadDepartment?.name ?? t('common.none')} · {m.deadline}
                  </Typography.Text>
                </Space>
              </Panel>
            ))}
          </div>
        ) : (
          <div data-layout="table">
            <DataTable<OverdueMeasure>
              rows={items}
              rowKey={(m) => m.id}
              columns={[
                { key: 'measure', title: t('dashboard.col.measure'), render: measureText },
                { key: 'location', title: t('dashboard.col.location'), width: 260, render: location },
                { key: 'leader', title: t('dashboard.col.leader'), width: 110, render: (m) => m.leader?.name ?? t('common.none') },
                { key: 'department', title: t('dashboard.col.department'), width: 140, render: (m) => m.leadDepartment?.name ?? t('common.none') },
                { key: 'deadline', title: t('dashboard.col.deadline'), width: 110, render: (m) => m.deadline },
                { key: 'daysOverdue', title: t('dashboard.col.daysOverdue'), width: 130, render: (m) => <OverdueTag days={m.daysOverdue} /> },
              ]}
            />
          </div>
        )}
        {unlisted > 0 && (
          <div style={{ padding: '10px 16px', borderTop: '1px solid #f0f0f0' }} data-testid="overdue-more">
            <Typography.Text type="secondary">{t('dashboard.overdueMore', { n: unlisted })}</Typography.Text>{' '}
            {onShowAll && (
              <Button type="link" onClick={onShowAll} data-testid="overdue-show-all">
                {t('dashboard.overdueShowAll', { n: total })}
              </Button>
            )}
          </div>
        )}
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.overdueNone')} />
      )}
    </Panel>
  );
}
