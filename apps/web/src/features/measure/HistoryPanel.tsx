import { formatDateTime } from '@rectify/domain';
import { Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { AuditAction } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { useHistory } from '../closures/api';
import { useScreen } from '../../shared/useScreen';
import { actionLabel, changeRows, entityLabel, type ChangeRow } from './history';

const actionColor: Partial<Record<AuditAction, string>> = {
  create: 'blue',
  update: 'gray',
  submit: 'orange',
  approve: 'green',
  reject: 'red',
  reopen: 'purple',
  delete: 'red',
};

/** 历史记录: who changed what and when, before → after (the audit log of the measure). */
export function HistoryPanel({ measureId, active }: { measureId: number; active: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const history = useHistory(measureId, active);
  const { phone } = useScreen();

  if (!active) return null;
  if (history.isPending) return <Loading />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  return (
    <Timeline
      data-testid="history-list"
      style={{ paddingTop: 8 }}
      items={history.data.map((entry) => {
        const rows = changeRows(entry.changes, locale, entry.names, entry.entity);
        return {
          key: entry.id,
          color: actionColor[entry.action] ?? 'gray',
          children: (
            <div data-testid="history-entry" data-action={entry.action}>
              <Space size={8} wrap>
                <Typography.Text strong>{formatDateTime(entry.at, true)}</Typography.Text>
                <Typography.Text data-testid="history-actor">{entry.actor ? (entry.actor.name ?? entry.actor.username) : t('history.system')}</Typography.Text>
                <Tag color={actionColor[entry.action]}>
                  {entityLabel(entry.entity, locale)} · {actionLabel(entry.action, locale, entry.entity)}
                </Tag>
              </Space>
              {rows.length > 0 && (phone ? <ChangeList rows={rows} /> : <ChangeTable rows={rows} />)}
            </div>
          ),
        };
      })}
    />
  );
}

/** A value that can be long (a measure's text): three lines, then 展开. */
function LongValue({ value, crossed }: { value: string; crossed?: boolean }) {
  const t = useT();
  return (
    // The strike is on the paragraph itself: a <del> around a block does not reach its text everywhere.
    <Typography.Paragraph
      type={crossed ? 'secondary' : undefined}
      ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }}
      style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', textDecoration: crossed && value !== '—' ? 'line-through' : undefined }}
    >
      {value}
    </Typography.Paragraph>
  );
}

/** Field · before · after, side by side where there is room. */
function ChangeTable({ rows }: { rows: ChangeRow[] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      tableLayout="fixed"
      style={{ marginTop: 6, maxWidth: 960 }}
      dataSource={rows}
      columns={[
        { title: t('history.field'), dataIndex: 'label', width: 140 },
        { title: t('history.before'), dataIndex: 'before', width: '40%', render: (v: string) => <LongValue value={v} crossed /> },
        { title: t('history.after'), dataIndex: 'after', render: (v: string) => <LongValue value={v} /> },
      ]}
    />
  );
}

/** On a phone three columns leave the new value a few characters wide: each change stacks, field over the old value (struck through) and the new. */
function ChangeList({ rows }: { rows: ChangeRow[] }) {
  return (
    <dl className="history-changes" data-testid="history-changes">
      {rows.map((r) => (
        <div key={r.field}>
          <dt>{r.label}</dt>
          <dd>
            {r.before !== '—' && <LongValue value={r.before} crossed />}
            <LongValue value={r.after} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
