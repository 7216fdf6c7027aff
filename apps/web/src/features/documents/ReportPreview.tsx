import { useEffect, useRef, useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { reportUrl } from './exportLinks';

/** The width the report page is laid out for (210 mm plus its grey margin). */
const PAGE_WIDTH = 860;
const FRAME_HEIGHT = 1180;

/**
 * The published report itself (report.html) in a frame, scaled down to the column's width so a
 * whole A4 line shows; `revision` changes reload it.
 */
export function ReportPreview({ roundId, revision, onRefresh }: { roundId: number; revision: number; onRefresh: () => void }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.75);

  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width > 0) setScale(Math.min(1, width / PAGE_WIDTH));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const url = reportUrl(roundId, 'html');
  return (
    <Card
      title={t('reportPreview.title')}
      data-testid="report-preview"
      styles={{ body: { padding: 12, background: '#e8e8e8' } }}
      extra={
        <Space size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reportPreview.hint')}
          </Typography.Text>
          <Button size="small" type="text" icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t('reportPreview.refresh')} title={t('reportPreview.refresh')} />
          <Button size="small" type="text" icon={<ExportOutlined />} href={url} target="_blank" rel="noopener" aria-label={t('reportPreview.open')} title={t('reportPreview.open')} />
        </Space>
      }
    >
      <div ref={box} style={{ width: '100%', height: FRAME_HEIGHT * scale, overflow: 'hidden' }}>
        <iframe
          key={revision}
          title={t('reportPreview.frame')}
          src={url}
          data-testid="report-frame"
          data-revision={revision}
          style={{
            width: PAGE_WIDTH,
            height: FRAME_HEIGHT,
            border: 0,
            transform: `scale(${scale})`,
            transformOrigin: '0 0',
            background: '#e8e8e8',
          }}
        />
      </div>
    </Card>
  );
}
