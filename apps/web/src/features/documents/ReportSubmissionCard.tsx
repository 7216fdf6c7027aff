import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tag, Timeline, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime, reportStateLabels, type ReportState, type ReportStatus } from '@rectify/domain';
import { api } from '../../api/client';
import { queryKeys } from '../../api/keys';
import { useLocale, useT } from '../../i18n';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { useFeedback } from '../../shared/feedback';

export const reportStateColor: Record<ReportState, string> = { draft: 'default', submitted: 'processing', accepted: 'success', returned: 'warning' };

const statusKey = (roundId: number) => ['rounds', 'report-status', roundId] as const;

/**
 * 报送巡察办: the round's report state, the unit's office submits the report (通报 draft + ledger),
 * the 巡察办 accepts it or sends it back with comments; every submission with its decision.
 */
export function ReportSubmissionCard({ roundId }: { roundId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const me = useMe();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const status = useQuery({ queryKey: statusKey(roundId), queryFn: ({ signal }) => api.get<ReportStatus>(`/api/rounds/${roundId}/report-status`, undefined, signal) });
  const done = async () => {
    setError(null);
    await Promise.all([client.invalidateQueries({ queryKey: statusKey(roundId) }), client.invalidateQueries({ queryKey: queryKeys.rounds.all })]);
  };
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const submit = useMutation({
    mutationFn: () => api.post<ReportStatus>(`/api/rounds/${roundId}/report-submissions`, { note: note.trim() || null }),
    onSuccess: async () => {
      setNote('');
      message.success(t('report.submitted'));
      await done();
    },
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: ({ id, version, to }: { id: number; version: number; to: 'accept' | 'return' }) =>
      api.post<ReportStatus>(`/api/report-submissions/${id}/${to}`, { version, comment: comment.trim() || (to === 'accept' ? null : '') }),
    onSuccess: async () => {
      setComment('');
      message.success(t('common.saved'));
      await done();
    },
    onError: fail,
  });

  if (!status.data) return null;
  const { state, submissions } = status.data;
  const latest = submissions[0];
  const canSubmit = hasAccess(me.data, 'report.submit') && (state === 'draft' || state === 'returned');
  const canReview = hasAccess(me.data, 'report.review') && state === 'submitted' && latest !== undefined;

  return (
    <Card
      title={t('report.submission')}
      extra={<Tag color={reportStateColor[state]} data-testid="report-state">{reportStateLabels[state][locale]}</Tag>}
      data-testid="report-submission"
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('report.submissionIntro')}</Typography.Text>
        {error && <Alert type="error" showIcon message={error} />}
        {canSubmit && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('report.notePlaceholder')}
              aria-label={t('report.notePlaceholder')}
              data-testid="report-note"
            />
            <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="report-submit">
              {t('report.submit')}
            </Button>
          </Space.Compact>
        )}
        {canReview && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              value={comment}
              maxLength={5000}
              rows={2}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('report.commentPlaceholder')}
              aria-label={t('report.commentPlaceholder')}
              data-testid="report-comment"
            />
            <Space wrap>
              <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending} onClick={() => decide.mutate({ id: latest.id, version: latest.version, to: 'accept' })} data-testid="report-accept">
                {t('report.accept')}
              </Button>
              <Button
                danger
                icon={<RollbackOutlined />}
                disabled={!comment.trim()}
                loading={decide.isPending}
                onClick={() => decide.mutate({ id: latest.id, version: latest.version, to: 'return' })}
                data-testid="report-return"
              >
                {t('report.return')}
              </Button>
            </Space>
          </Space>
        )}
        {submissions.length > 0 && (
          <Timeline
            items={submissions.map((s) => ({
              color: s.state === 'accepted' ? 'green' : s.state === 'returned' ? 'orange' : 'blue',
              children: (
                <div>
                  <div>
                    {formatDateTime(s.submittedAt)} · {s.submittedBy?.name ?? s.submittedBy?.username ?? ''} {t('report.submittedFigures', { measures: s.measures, closed: s.closed, overdue: s.overdue })}
                  </div>
                  {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
                  {s.decidedAt && (
                    <div>
                      <Tag color={reportStateColor[s.state]}>{reportStateLabels[s.state][locale]}</Tag>
                      {formatDateTime(s.decidedAt)} · {s.decidedBy?.name ?? s.decidedBy?.username ?? ''}
                      {s.comment && <div>{s.comment}</div>}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Space>
    </Card>
  );
}
