import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime, type FollowUpResult, type MeasureDetail } from '@rectify/domain';
import { useT } from '../../i18n';
import { useMeasureFollowUps } from './api';
import { FOLLOW_UP_STATE_COLOR } from './labels';

const RESULT_COLOR: Record<FollowUpResult, string> = { held: 'green', slid: 'red' };
const who = (p: { name: string | null; username: string } | null) => p?.name ?? p?.username ?? '';

/**
 * 回头看 of one measure, on its page: every review that covers it (latest first) with its day,
 * reviewer, the result (巩固 / 反弹, or pending and the review's state), the note, the evidence and
 * a link to the review — as the API lists them. Shown once the measure is closed or reviewed.
 */
export function MeasureFollowUpsPanel({ measure }: { measure: MeasureDetail }) {
  const t = useT();
  const items = useMeasureFollowUps(measure.id);
  const rows = items.data ?? [];
  if (!items.isLoading && rows.length === 0 && measure.status !== 'closed') return null;
  return (
    <Card title={t('followUps.onMeasure')} size="small" data-testid="measure-follow-ups">
      <List
        size="small"
        dataSource={rows}
        loading={items.isLoading}
        locale={{ emptyText: t('followUps.noneOnMeasure') }}
        renderItem={(item) => (
          <List.Item data-testid="measure-follow-up" data-result={item.result ?? 'pending'}>
            <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Space wrap size={6}>
                <Link to={`/follow-ups/${item.followUp.id}`} data-testid="measure-follow-up-link">
                  {t('followUps.reviewOn', { date: item.followUp.scheduledOn })}
                </Link>
                {item.result ? (
                  <Tag color={RESULT_COLOR[item.result]} data-testid="measure-follow-up-result">
                    {t(item.result === 'held' ? 'followUps.held' : 'followUps.slid')}
                  </Tag>
                ) : (
                  <>
                    <Tag data-testid="measure-follow-up-result">{t('followUps.pending')}</Tag>
                    <Tag color={FOLLOW_UP_STATE_COLOR[item.followUp.state]}>{t(`followUps.state.${item.followUp.state}`)}</Tag>
                  </>
                )}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('followUps.reviewer')}：{item.followUp.reviewer?.name ?? t('followUps.noReviewer')}
                {item.recordedAt && ` · ${t('followUps.recordedBy', { name: who(item.recordedBy), at: formatDateTime(item.recordedAt) })}`}
              </Typography.Text>
              {item.note && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{item.note}</Typography.Text>}
              {item.evidence.length > 0 && (
                <Space wrap size={8}>
                  {item.evidence.map((e) => (
                    <a key={e.id} href={`/api/evidence/${e.id}/download`} data-testid="measure-follow-up-evidence" style={{ overflowWrap: 'anywhere' }}>
                      {e.fileName}
                    </a>
                  ))}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
