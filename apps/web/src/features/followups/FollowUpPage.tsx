import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Space, Tag, Typography, Upload, type ButtonProps } from 'antd';
import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, errorMessage, formatDateTime, type FollowUpItem, type FollowUpResult } from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { StatusTag } from '../../shared/StatusTag';
import { useFollowUp, useRecordFollowUp, useUploadFollowUpEvidence } from './api';
import { FOLLOW_UP_STATE_COLOR } from './labels';

const who = (p: { name: string | null; username: string } | null) => p?.name ?? p?.username ?? '';
const RESULT_COLOR: Record<FollowUpResult, string> = { held: 'green', slid: 'red' };

/** Record 巩固 / 反弹 for one measure: a note (required for 反弹, which reopens the measure). */
function RecordModal({ item, result, onClose }: { item: FollowUpItem | null; result: FollowUpResult; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const record = useRecordFollowUp();
  const submit = async (v: { note?: string }) => {
    if (!item) return;
    setError(null);
    try {
      await record.mutateAsync({ itemId: item.id, body: { result, version: item.version, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } });
      message.success(t('followUps.recorded'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open={item !== null}
      title={t(result === 'slid' ? 'followUps.recordTitleSlid' : 'followUps.recordTitleHeld')}
      okText={t(result === 'slid' ? 'followUps.recordSlid' : 'followUps.recordHeld')}
      okButtonProps={{ danger: result === 'slid', 'data-testid': 'follow-up-record-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item && <Typography.Paragraph strong>{item.measure.text}</Typography.Paragraph>}
      {result === 'slid' && <Alert type="warning" showIcon message={t('followUps.slidWarning')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t('followUps.recordNote')}
          rules={result === 'slid' ? [{ required: true, whitespace: true, message: t('followUps.recordNoteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="follow-up-record-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EvidenceUpload({ item }: { item: FollowUpItem }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const upload = useUploadFollowUpEvidence();
  const send = async (file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) {
      message.error(`${file.name}：${errorMessage('FILE_TOO_LARGE', locale)}`);
      return;
    }
    try {
      await upload.mutateAsync({ itemId: item.id, file });
      message.success(t('followUps.uploaded', { name: file.name }));
    } catch (e) {
      message.error(`${file.name}：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <Upload
      accept={EVIDENCE_ACCEPT}
      multiple
      showUploadList={false}
      beforeUpload={(file) => {
        void send(file);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="follow-up-upload">
        {t('followUps.upload')}
      </Button>
    </Upload>
  );
}

/** One 回头看: its measures, each with its result, note and evidence; the reviewer (or the office) records them. */
export default function FollowUpPage() {
  const t = useT();
  const id = Number(useParams().id);
  const review = useFollowUp(id);
  useSetCurrentRound(review.data?.roundId);
  const [recording, setRecording] = useState<{ item: FollowUpItem; result: FollowUpResult } | null>(null);

  if (review.isLoading) return <Loading />;
  if (review.error) return <LoadError error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data!;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="follow-up-page">
      <Link to={`/rounds/${r.roundId}/follow-ups`}>
        <ArrowLeftOutlined /> {t('followUps.back')}
      </Link>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('followUps.title')}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('followUps.date')}>
            {r.scheduledOn} <Tag color={FOLLOW_UP_STATE_COLOR[r.state]} data-testid="follow-up-state">{t(`followUps.state.${r.state}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('followUps.reviewer')}>{r.reviewer?.name ?? t('followUps.noReviewer')}</Descriptions.Item>
          <Descriptions.Item label={t('followUps.scope')}>
            {t(`followUps.scope.${r.scope}`)}
            {r.categories.length > 0 && `：${r.categories.map((c) => c.title).join('、')}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('followUps.results')}>
            <span data-testid="follow-up-counts">{t('followUps.counts', { total: r.counts.total, held: r.counts.held, slid: r.counts.slid, pending: r.counts.pending })}</span>
          </Descriptions.Item>
          {r.note && <Descriptions.Item label={t('followUps.note')}>{r.note}</Descriptions.Item>}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('followUps.createdBy', { name: who(r.createdBy), at: formatDateTime(r.createdAt) })}
        </Typography.Text>
      </Card>
      <Card size="small">
        <List
          dataSource={r.items}
          renderItem={(item) => (
            <List.Item data-testid="follow-up-item" data-measure-id={item.measure.id} data-result={item.result ?? 'pending'}>
              <Space direction="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.measure.category.ordinal}. {item.measure.category.title} › {item.measure.problem.ordinal}. {item.measure.problem.title}
                </Typography.Text>
                <Link to={`/measures/${item.measure.id}`} style={{ overflowWrap: 'anywhere' }}>
                  {item.measure.text}
                </Link>
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{t('followUps.measureStatus')}：</Typography.Text>
                  <StatusTag status={item.measure.status} />
                  {item.measure.leader && <Typography.Text type="secondary">{item.measure.leader.name}</Typography.Text>}
                  {item.measure.leadDepartment && <Typography.Text type="secondary">{item.measure.leadDepartment.name}</Typography.Text>}
                </Space>
                {item.result ? (
                  <Space direction="vertical" size={2}>
                    <Space wrap size={4}>
                      <Tag color={RESULT_COLOR[item.result]} data-testid="follow-up-result">{t(item.result === 'held' ? 'followUps.held' : 'followUps.slid')}</Tag>
                      {item.recordedAt && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('followUps.recordedBy', { name: who(item.recordedBy), at: formatDateTime(item.recordedAt) })}
                        </Typography.Text>
                      )}
                    </Space>
                    {item.note && <Typography.Text>{item.note}</Typography.Text>}
                  </Space>
                ) : (
                  r.mayRecord && (
                    <Space wrap>
                      <Button type="primary" ghost onClick={() => setRecording({ item, result: 'held' })} data-testid="follow-up-held">
                        {t('followUps.recordHeld')}
                      </Button>
                      <Button danger onClick={() => setRecording({ item, result: 'slid' })} data-testid="follow-up-slid">
                        {t('followUps.recordSlid')}
                      </Button>
                    </Space>
                  )
                )}
                <Space wrap size={4}>
                  {item.evidence.map((e) => (
                    <a key={e.id} href={`/api/evidence/${e.id}/download`} data-testid="follow-up-evidence">
                      {e.fileName}
                    </a>
                  ))}
                  {r.mayRecord && <EvidenceUpload item={item} />}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <RecordModal item={recording?.item ?? null} result={recording?.result ?? 'held'} onClose={() => setRecording(null)} />
    </Space>
  );
}
