import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, List, Modal, Space, Tag, Typography, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { formatDateTime, type MeasureDetail, type Postponement } from '@rectify/domain';
import { useT } from '../../i18n';
import { ReasonModal } from '../closures/ReasonModal';
import { useDecidePostponement, useRequestPostponement } from './api';
import { useFeedback } from '../../shared/feedback';

const STATE_COLOR: Record<Postponement['state'], string> = { pending: 'orange', approved: 'green', refused: 'default' };

const who = (p: { name: string | null; username: string } | null) => p?.name ?? p?.username ?? '';

/** 延期: the measure's requests, newest first; ask for one (its owners), approve or refuse one (the office). */
export function PostponementPanel({ measure }: { measure: MeasureDetail }) {
  const t = useT();
  const { message } = useFeedback();
  const [asking, setAsking] = useState(false);
  const [refusing, setRefusing] = useState<Postponement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ requestedDeadline: dayjs.Dayjs; reason: string }>();
  const ask = useRequestPostponement();
  const decide = useDecidePostponement();
  const list = measure.postponements ?? [];
  const pending = list.some((p) => p.state === 'pending');
  const mayAsk = Boolean(measure.myAccess?.requestPostponement) && !measure.locked && measure.kind !== 'long_term' && measure.deadline !== null && !pending;
  const mayDecide = Boolean(measure.myAccess?.decidePostponement) && !measure.locked;

  const submit = async (v: { requestedDeadline: dayjs.Dayjs; reason: string }) => {
    setError(null);
    try {
      await ask.mutateAsync({ measureId: measure.id, body: { requestedDeadline: v.requestedDeadline.format('YYYY-MM-DD'), reason: v.reason.trim() } });
      message.success(t('postponement.sent'));
      setAsking(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title={t('postponement.title')}
      size="small"
      data-testid="postponements"
      extra={
        mayAsk && (
          <Button size="small" onClick={() => setAsking(true)} data-testid="postponement-request">
            {t('postponement.request')}
          </Button>
        )
      }
    >
      {measure.originalDeadline && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t('time.originalDeadline')}：<Typography.Text delete>{measure.originalDeadline}</Typography.Text> → {measure.deadline}（
          {t('time.postponementCount', { n: measure.postponementCount ?? 0 })}）
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={list}
        locale={{ emptyText: t('postponement.none') }}
        renderItem={(p) => (
          <List.Item
            data-testid="postponement-item"
            data-state={p.state}
            actions={
              mayDecide && p.state === 'pending'
                ? [
                    <Button
                      key="approve"
                      type="primary"
                      size="small"
                      loading={decide.isPending}
                      data-testid="postponement-approve"
                      onClick={() =>
                        void decide
                          .mutateAsync({ id: p.id, decision: 'approve', version: p.version })
                          .then(() => message.success(t('postponement.decided')))
                          .catch((e: Error) => message.error(e.message))
                      }
                    >
                      {t('postponement.approve')}
                    </Button>,
                    <Button key="refuse" size="small" danger onClick={() => setRefusing(p)} data-testid="postponement-refuse">
                      {t('postponement.refuse')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
              <Space wrap size={4}>
                <Tag color={STATE_COLOR[p.state]}>{t(`postponement.state.${p.state}`)}</Tag>
                <Typography.Text strong>{t('postponement.from', { from: p.previousDeadline ?? '—', to: p.requestedDeadline })}</Typography.Text>
              </Space>
              <Typography.Text>{p.reason}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('postponement.requestedBy', { name: who(p.requestedBy), at: formatDateTime(p.requestedAt) })}
                {p.reviewedAt && ` · ${t('postponement.reviewedBy', { name: who(p.reviewedBy), at: formatDateTime(p.reviewedAt) })}`}
              </Typography.Text>
              {p.reviewReason && <Typography.Text type="secondary">{p.reviewReason}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={asking}
        title={t('postponement.requestTitle')}
        okText={t('postponement.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={ask.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAsking(false)}
        okButtonProps={{ 'data-testid': 'postponement-submit' } as ButtonProps}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="requestedDeadline" label={t('postponement.newDeadline')} rules={[{ required: true, message: t('postponement.newDeadlineRequired') }]}>
            <DatePicker
              style={{ width: '100%' }}
              data-testid="postponement-deadline"
              disabledDate={(d) => measure.deadline !== null && d.format('YYYY-MM-DD') <= measure.deadline}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('postponement.reason')} rules={[{ required: true, whitespace: true, message: t('postponement.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="postponement-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <ReasonModal
        open={refusing !== null}
        title={t('postponement.refuse')}
        label={t('postponement.refuseReason')}
        okText={t('postponement.refuse')}
        danger
        testId="postponement-refuse-modal"
        onClose={() => setRefusing(null)}
        onSubmit={async (reason) => {
          await decide.mutateAsync({ id: refusing!.id, decision: 'refuse', version: refusing!.version, reason });
        }}
      />
    </Card>
  );
}
