import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { isImageEvidence, isPreviewableEvidence, type EvidenceRef } from '@rectify/domain';
import { useT } from '../../i18n';
import { useScreen } from '../../shared/useScreen';
import { formatBytes } from './history';

export const evidenceUrl = (id: number, inline = false) => `/api/evidence/${id}/download${inline ? '?inline=true' : ''}`;

/**
 * One file as a tile: a thumbnail for a photo, an icon for the rest. Photos and PDFs open in the
 * page (preview); other files download.
 */
export function EvidenceTile({ item, onPreview }: { item: EvidenceRef; onPreview: (item: EvidenceRef) => void }) {
  const t = useT();
  const previewable = isPreviewableEvidence(item.mimeType);
  const content = isImageEvidence(item.mimeType) ? (
    <img src={evidenceUrl(item.id, true)} alt={item.fileName} loading="lazy" className="rectify-thumb-img" />
  ) : (
    <span className="rectify-thumb-icon" aria-hidden>
      {item.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />}
    </span>
  );
  const caption = (
    <span className="rectify-thumb-caption" title={item.fileName}>
      {item.fileName}
    </span>
  );
  return previewable ? (
    <button
      type="button"
      className="rectify-thumb"
      onClick={() => onPreview(item)}
      aria-label={t('evidence.previewOf', { name: item.fileName })}
      data-testid="evidence-thumb"
    >
      {content}
      {caption}
    </button>
  ) : (
    <a className="rectify-thumb" href={evidenceUrl(item.id)} download={item.fileName} data-testid="evidence-thumb">
      {content}
      {caption}
    </a>
  );
}

/** The photo or PDF shown inside the page, with its download. */
export function EvidencePreviewModal({ item, onClose }: { item: EvidenceRef | null; onClose: () => void }) {
  const t = useT();
  const { phone } = useScreen();
  return (
    <Modal
      open={item !== null}
      onCancel={onClose}
      title={item?.fileName}
      width={phone ? '100vw' : 'min(960px, 92vw)'}
      footer={
        item && (
          <Space>
            <Typography.Text type="secondary">{formatBytes(item.size)}</Typography.Text>
            <a href={evidenceUrl(item.id)} download={item.fileName}>
              <Button icon={<DownloadOutlined />}>{t('evidence.download')}</Button>
            </a>
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Space>
        )
      }
      destroyOnHidden
    >
      {item && isImageEvidence(item.mimeType) && (
        <img src={evidenceUrl(item.id, true)} alt={item.fileName} style={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', margin: '0 auto' }} data-testid="evidence-preview-image" />
      )}
      {item && item.mimeType === 'application/pdf' && (
        <iframe
          title={item.fileName}
          src={evidenceUrl(item.id, true)}
          style={{ width: '100%', height: '75vh', border: '1px solid #d9d9d9' }}
          data-testid="evidence-preview-pdf"
        />
      )}
    </Modal>
  );
}

/** Tiles of several files with their shared preview. */
export function EvidenceGallery({ items, testId }: { items: readonly EvidenceRef[]; testId?: string }) {
  const [preview, setPreview] = useState<EvidenceRef | null>(null);
  if (items.length === 0) return null;
  return (
    <div className="rectify-thumbs" data-testid={testId}>
      {items.map((item) => (
        <EvidenceTile key={item.id} item={item} onPreview={setPreview} />
      ))}
      <EvidencePreviewModal item={preview} onClose={() => setPreview(null)} />
    </div>
  );
}
