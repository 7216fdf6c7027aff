import { useState } from 'react';
import { Alert, Button, Empty, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, errorMessage, isPreviewableEvidence, type EvidenceItem, type EvidenceRef, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { LoadError } from '../../shared/PageState';
import { useScreen, useTouch } from '../../shared/useScreen';
import { useEvidence, useUploadEvidence } from '../closures/api';
import { CameraButton } from './CameraButton';
import { EvidenceGallery, EvidencePreviewModal, evidenceUrl } from './EvidenceView';
import { formatBytes } from './history';
import { useFeedback } from '../../shared/feedback';

/** 佐证材料: the files of a measure, and (for those who may) the upload. */
export function EvidencePanel({ measureId, canUpload, locked }: { measureId: number; canUpload: boolean; locked: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const evidence = useEvidence(measureId);
  const upload = useUploadEvidence();
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<EvidenceRef | null>(null);
  const { phone } = useScreen();
  const touch = useTouch();

  const send = async (file: File) => {
    setError(null);
    // The same limit and message as the server's 413, without sending 20 MB first.
    if (file.size > EVIDENCE_MAX_BYTES) {
      setError(`${file.name}：${errorMessage('FILE_TOO_LARGE', locale)}`);
      return;
    }
    try {
      await upload.mutateAsync({ measureId, file });
      message.success(t('evidence.uploaded', { name: file.name }));
    } catch (e) {
      setError(`${file.name}：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div data-testid="evidence-panel">
      {canUpload && !locked && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
          <Upload
            accept={EVIDENCE_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button type="primary" ghost icon={<UploadOutlined />} loading={upload.isPending} data-testid="evidence-upload">
              {t('evidence.upload')}
            </Button>
          </Upload>
          {touch && <CameraButton onFiles={(files) => files.forEach((f) => void send(f))} testId="evidence-camera" />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('evidence.hint')}
          </Typography.Text>
        </div>
      )}
      {canUpload && !locked && evidence.data?.length === 0 && (
        <Alert type="info" showIcon message={t('closure.needsEvidence')} style={{ marginBottom: 12 }} data-testid="evidence-needed" />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          message={t('evidence.uploadFailed')}
          description={error}
          style={{ marginBottom: 12 }}
          data-testid="evidence-error"
        />
      )}
      {evidence.isError ? (
        <LoadError error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : phone ? (
        evidence.data?.length ? (
          <EvidenceGallery items={evidence.data} testId="evidence-gallery" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.empty')} />
        )
      ) : (
        <Table<EvidenceItem>
          rowKey="id"
          size="small"
          loading={evidence.isPending}
          dataSource={evidence.data}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.empty')} /> }}
          onRow={() => ({ 'data-testid': 'evidence-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('evidence.name'),
              dataIndex: 'fileName',
              render: (name: string, r) => (
                <span style={{ display: 'inline-flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
                  {isPreviewableEvidence(r.mimeType) && (
                    <Button type="link" size="small" style={{ padding: 0 }} icon={<EyeOutlined />} onClick={() => setPreview(r)} data-testid="evidence-preview">
                      {name}
                    </Button>
                  )}
                  <a href={evidenceUrl(r.id)} download={name} data-testid="evidence-download" aria-label={t('evidence.downloadOf', { name })}>
                    <DownloadOutlined /> {isPreviewableEvidence(r.mimeType) ? t('evidence.download') : name}
                  </a>
                </span>
              ),
            },
            { title: t('evidence.size'), dataIndex: 'size', width: 100, render: (v: number) => formatBytes(v) },
            {
              title: t('evidence.uploader'),
              key: 'uploader',
              width: 140,
              render: (_, r) => r.uploadedBy?.name ?? r.uploadedBy?.username ?? t('common.none'),
            },
            { title: t('evidence.time'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
      <EvidencePreviewModal item={preview} onClose={() => setPreview(null)} />
    </div>
  );
}
