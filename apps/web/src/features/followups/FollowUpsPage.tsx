import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Modal, Radio, Select, Space, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { type FollowUpCreate, type FollowUpScope } from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { usePeople, useRound, useRoundTree } from '../../api/hooks';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { hasAccess } from '../auth/session';
import { useMe } from '../auth/api';
import { useRoundFollowUps, useScheduleFollowUp } from './api';
import { FollowUpRow } from './FollowUpRow';

interface ScheduleForm {
  scheduledOn: dayjs.Dayjs;
  reviewerId?: number;
  scope: FollowUpScope;
  categoryIds?: number[];
  measureIds?: number[];
  note?: string;
}

/** 安排回头看: the office picks the day, the reviewer (a person of the round's unit) and the scope. */
function ScheduleModal({ roundId, open, onClose }: { roundId: number; open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleForm>();
  const [error, setError] = useState<string | null>(null);
  const round = useRound(roundId);
  const tree = useRoundTree(roundId, open);
  const people = usePeople(open ? round.data?.inspectedUnit.id : undefined);
  const schedule = useScheduleFollowUp();
  const scope = Form.useWatch('scope', form) ?? 'round';
  const closed = useMemo(
    () =>
      (tree.data?.categories ?? []).flatMap((c) =>
        c.problems.flatMap((p) => p.measures.filter((m) => m.status === 'closed').map((m) => ({ value: m.id, label: `${c.ordinal}.${p.ordinal}.${m.ordinal} ${m.text}` }))),
      ),
    [tree.data],
  );

  const submit = async (v: ScheduleForm) => {
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
        <Form.Item name="scheduledOn" label={t('followUps.date')} rules={[{ required: true, message: t('followUps.dateRequired') }]}>
          <DatePicker style={{ width: '100%' }} data-testid="follow-up-date" />
        </Form.Item>
        <Form.Item name="reviewerId" label={t('followUps.reviewer')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('followUps.noReviewer')}
            loading={people.isLoading}
            options={(people.data ?? []).filter((p) => p.active !== false).map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
            data-testid="follow-up-reviewer"
          />
        </Form.Item>
        <Form.Item name="scope" label={t('followUps.scope')}>
          <Radio.Group data-testid="follow-up-scope">
            {(['round', 'categories', 'measures'] as const).map((s) => (
              <Radio key={s} value={s} data-testid={`follow-up-scope-${s}`}>
                {t(`followUps.scope.${s}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {scope === 'categories' && (
          <Form.Item name="categoryIds" label={t('followUps.categories')} rules={[{ required: true, message: t('followUps.categoriesRequired') }]}>
            <Select mode="multiple" options={(tree.data?.categories ?? []).map((c) => ({ value: c.id, label: `${c.ordinal}. ${c.title}` }))} data-testid="follow-up-categories" />
          </Form.Item>
        )}
        {scope === 'measures' && (
          <Form.Item name="measureIds" label={t('followUps.measures')} rules={[{ required: true, message: t('followUps.measuresRequired') }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={closed} data-testid="follow-up-measures" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('followUps.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
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
        <List dataSource={data.reviews} locale={{ emptyText: t('followUps.none') }} renderItem={(r) => <FollowUpRow review={r} />} />
      </Card>
      {mayPlan && <ScheduleModal roundId={roundId} open={scheduling} onClose={() => setScheduling(false)} />}
    </Space>
  );
}
