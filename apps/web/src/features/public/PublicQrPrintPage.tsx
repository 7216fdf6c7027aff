import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { usePublicPageSettings } from './api';
import { publicUrl, qrDataUrl } from './qr';

/**
 * 码上监督: a printable A4 sheet for notice boards — the unit, the round, the QR code of the public
 * page and its address written out. The buttons do not print.
 */
export default function PublicQrPrintPage() {
  const t = useT();
  const roundId = Number(useParams().id);
  const settings = usePublicPageSettings(Number.isSafeInteger(roundId) && roundId > 0 ? roundId : null);
  const path = settings.data?.enabled ? settings.data.path : null;
  const url = path ? publicUrl(path) : null;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    void qrDataUrl(url).then((data) => live && setQr(data));
    return () => {
      live = false;
    };
  }, [url]);

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} />;
  const page = settings.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: '24px 16px', textAlign: 'center' }} data-testid="qr-print-page">
      <Space className="rectify-no-print" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 24 }}>
        <Link to="/opinions">
          <Button icon={<ArrowLeftOutlined />}>{t('pub.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!url} data-testid="qr-print">
          {t('pub.printButton')}
        </Button>
      </Space>
      {!url ? (
        <Result status="info" title={t('pub.printOff')} />
      ) : (
        <>
          <Typography.Title level={1} style={{ fontSize: 40, marginBottom: 8 }}>
            {t('pub.printTitle')}
          </Typography.Title>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="qr-unit">
            {page.unitName}
          </Typography.Title>
          <Typography.Title level={4} style={{ marginTop: 0, fontWeight: 400 }} data-testid="qr-round">
            {page.title}
          </Typography.Title>
          <div style={{ margin: '24px auto', width: 'min(320px, 80vw)' }}>
            {qr ? <img src={qr} alt={url} width="100%" data-testid="qr-image" style={{ display: 'block', imageRendering: 'pixelated' }} /> : <Loading />}
          </div>
          <Typography.Paragraph style={{ fontSize: 18 }}>{t('pub.printScan')}</Typography.Paragraph>
          <Typography.Paragraph style={{ fontSize: 14, wordBreak: 'break-all', fontFamily: 'monospace' }} data-testid="qr-url">
            {url}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
