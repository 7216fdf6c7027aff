import { useState } from 'react';
import { Alert, Button, Card, Form, Modal, Space, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { type FollowUpCreate } from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { hasAccess } from '../auth/session';
import { useMe } from '../auth/api';
import { useRoundFollowUps, useScheduleFollowUp } from './api';
import { FollowUpRow } from './FollowUpRow';
import { FollowUpFields, type FollowUpForm } from './FollowUpFields';
import { useFeedback } from '../../shared/feedback';

/** 安排回头看: the office picks the day, the reviewer (a person of the round's unit) and the scope. */
function ScheduleModal({ roundId, open, onClose }: { roundId: number; open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [form] = Form.useForm<FollowUpForm>();
  const [error, setError] = useState<string | null>(null);
  const schedule = useScheduleFollowUp();

  const submit = async (v: FollowUpForm) => {
    setError(null);
    const body: FollowUpCreate = {
      scheduledOn: v.scheduledOn.format('YYYY-MM-DD'),
      reviewerId: v.reviewerId ?? null,
      scope: v.scope,
      ...(v.scope === 'categories' ? { categoryIds: v.categoryIds } : {}),
      ...(v.scope === 'measures' ? { measureIds: v.measureIds } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    try {
      const created = await schedule.mutateAsync({ roundId, body });
      message.success(t('followUps.scheduled'));
      onClose();
      void navigate(`/follow-ups/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('followUps.scheduleTitle')}
      okText={t('followUps.schedule')}
      cancelText={t('common.cancel')}
      confirmLoading={schedule.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'follow-up-schedule-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ scope: 'round' }} onFinish={(v) => void submit(v)}>
        <FollowUpFields form={form} roundId={roundId} open={open} />
      </Form>
    </Modal>
  );
}

/** 回头看 of a round: every review with its results; the office schedules new ones. */
export default function FollowUpsPage() {
  const t = useT();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const me = useMe().data;
  const [scheduling, setScheduling] = useState(false);
  const reviews = useRoundFollowUps(roundId);
  const mayPlan = hasAccess(me, 'followup.schedule');

  if (reviews.isLoading) return <Loading />;
  if (reviews.error) return <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const data = reviews.data!;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="follow-ups-page">
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('followUps.title')}</Typography.Title>}
        extra={
          mayPlan && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="follow-up-schedule">
              {t('followUps.schedule')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('followUps.intro')}</Typography.Paragraph>
        <Typography.Paragraph data-testid="follow-up-totals">
          {t('followUps.dashboardDue', { due: data.totals.due, overdue: data.totals.overdue })}；
          {t('followUps.dashboardResults', { checked: data.totals.held + data.totals.slid, held: data.totals.held, slid: data.totals.slid })}
        </Typography.Paragraph>
        {data.reviews.length > 0 ? (
          <ul className="rectify-rows">
            {data.reviews.map((r) => (
              <FollowUpRow key={r.id} review={r} />
            ))}
          </ul>
        ) : (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 16 }}>
            {t('followUps.none')}
          </Typography.Paragraph>
        )}
      </Card>
      {mayPlan && <ScheduleModal roundId={roundId} open={scheduling} onClose={() => setScheduling(false)} />}
    </Space>
  );
}
