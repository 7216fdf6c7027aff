import { useState } from 'react';
import { Button, Card, Descriptions, List, Popconfirm, Space, Tag, Typography, Upload, type ButtonProps } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  errorMessage,
  formatDateTime,
  type FollowUpItem,
  type FollowUpResult,
} from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { StatusTag } from '../../shared/StatusTag';
import { useScreen } from '../../shared/useScreen';
import { useDeleteFollowUp, useFollowUp, useUploadFollowUpEvidence } from './api';
import { CorrectModal, EditModal, RecordModal } from './FollowUpModals';
import { FOLLOW_UP_STATE_COLOR } from './labels';
import { useFeedback } from '../../shared/feedback';

const who = (p: { name: string | null; username: string } | null) => p?.name ?? p?.username ?? '';
const RESULT_COLOR: Record<FollowUpResult, string> = { held: 'green', slid: 'red' };

function EvidenceUpload({ item }: { item: FollowUpItem }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
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
  const { message } = useFeedback();
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
