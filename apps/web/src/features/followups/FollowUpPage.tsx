import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Popconfirm, Radio, Space, Tag, Typography, Upload, type ButtonProps } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  errorMessage,
  formatDateTime,
  type FollowUpDetail,
  type FollowUpItem,
  type FollowUpResult,
  type FollowUpUpdate,
} from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { StatusTag } from '../../shared/StatusTag';
import { useScreen } from '../../shared/useScreen';
import { useCorrectFollowUp, useDeleteFollowUp, useFollowUp, useRecordFollowUp, useUpdateFollowUp, useUploadFollowUpEvidence } from './api';
import { FollowUpFields, type FollowUpForm } from './FollowUpFields';
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

/** 修改回头看 (the office): day, reviewer and scope while nothing is recorded (`locked` from the API); the note always. */
function EditModal({ review, open, onClose }: { review: FollowUpDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpForm>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateFollowUp();
  const initial: FollowUpForm = {
    scheduledOn: dayjs(review.scheduledOn),
    reviewerId: review.reviewer?.id ?? null,
    scope: review.scope,
    categoryIds: review.categories.map((c) => c.id),
    measureIds: review.items.map((i) => i.measure.id),
    note: review.note,
  };
  const submit = async (v: FollowUpForm) => {
    setError(null);
    const note = v.note?.trim() || null;
    // A locked review sends its note only; otherwise what the form says (the API compares with what it has).
    const body: FollowUpUpdate = review.locked
      ? { version: review.version, note }
      : {
          version: review.version,
          scheduledOn: v.scheduledOn.format('YYYY-MM-DD'),
          reviewerId: v.reviewerId ?? null,
          scope: v.scope,
          ...(v.scope === 'categories' ? { categoryIds: v.categoryIds } : {}),
          ...(v.scope === 'measures' ? { measureIds: v.measureIds } : {}),
          note,
        };
    try {
      await update.mutateAsync({ id: review.id, body });
      message.success(t('followUps.saved'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open={open}
      title={t('followUps.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'follow-up-edit-submit' } as ButtonProps}
      destroyOnHidden
    >
      {review.locked && <Alert type="info" showIcon message={t('followUps.lockedHint')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <FollowUpFields form={form} roundId={review.roundId} open={open} fixed={review.locked} />
      </Form>
    </Modal>
  );
}

/** 更正结果 (the office): the other result or a better note; 反弹 reopens a closed measure, 巩固 never re-closes one. */
function CorrectModal({ item, onClose }: { item: FollowUpItem | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: FollowUpResult; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const correct = useCorrectFollowUp();
  const result = Form.useWatch('result', form) ?? item?.result ?? 'held';
  const submit = async (v: { result: FollowUpResult; note?: string }) => {
    if (!item) return;
    setError(null);
    try {
      await correct.mutateAsync({ itemId: item.id, body: { result: v.result, version: item.version, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } });
      message.success(t('followUps.corrected'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open={item !== null}
      title={t('followUps.correctTitle')}
      okText={t('followUps.correct')}
      cancelText={t('common.cancel')}
      confirmLoading={correct.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ danger: result === 'slid' && item?.result !== 'slid', 'data-testid': 'follow-up-correct-submit' } as ButtonProps}
      destroyOnHidden
    >
      {item && <Typography.Paragraph strong>{item.measure.text}</Typography.Paragraph>}
      {item && result === 'slid' && item.result !== 'slid' && item.measure.status === 'closed' && (
        <Alert type="warning" showIcon message={t('followUps.slidWarning')} style={{ marginBottom: 16 }} />
      )}
      {item && result === 'held' && item.result === 'slid' && <Alert type="info" showIcon message={t('followUps.heldCorrectionHint')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ result: item?.result ?? 'held', note: item?.note ?? '' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="result" label={t('followUps.results')}>
          <Radio.Group data-testid="follow-up-correct-result">
            <Radio value="held" data-testid="follow-up-correct-held">{t('followUps.held')}</Radio>
            <Radio value="slid" data-testid="follow-up-correct-slid">{t('followUps.slid')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('followUps.recordNote')}
          rules={result === 'slid' ? [{ required: true, whitespace: true, message: t('followUps.recordNoteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="follow-up-correct-note" />
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
  const [editing, setEditing] = useState(false);
  const [correcting, setCorrecting] = useState<FollowUpItem | null>(null);
  const remove = useDeleteFollowUp();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { phone } = useScreen();

  if (review.isLoading) return <Loading />;
  if (review.error) return <LoadError error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data!;
  // On a phone the title and the buttons do not fit one card header: the buttons go under it.
  const actions =
    r.mayManage && (
      <Space wrap size={8}>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="follow-up-edit">
          {t('followUps.edit')}
        </Button>
        {!r.locked && (
          <Popconfirm
            title={t('followUps.deleteConfirm')}
            okText={t('followUps.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'follow-up-delete-confirm' } as ButtonProps}
            onConfirm={() =>
              remove
                .mutateAsync({ id: r.id, version: r.version })
                .then(() => {
                  message.success(t('followUps.deleted'));
                  void navigate(`/rounds/${r.roundId}/follow-ups`);
                })
                .catch((e: Error) => message.error(e.message))
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="follow-up-delete">
              {t('followUps.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="follow-up-page">
      <Link to={`/rounds/${r.roundId}/follow-ups`}>
        <ArrowLeftOutlined /> {t('followUps.back')}
      </Link>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('followUps.title')}</Typography.Title>}
        extra={phone ? undefined : actions}
      >
        {phone && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
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
                    {r.mayManage && (
                      <Button size="small" onClick={() => setCorrecting(item)} data-testid="follow-up-correct" style={{ alignSelf: 'flex-start' }}>
                        {t('followUps.correct')}
                      </Button>
                    )}
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
      {r.mayManage && <EditModal review={r} open={editing} onClose={() => setEditing(false)} />}
      <CorrectModal item={correcting} onClose={() => setCorrecting(null)} />
    </Space>
  );
}
