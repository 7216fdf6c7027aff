import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import {
  CloseOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FilterOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useT } from '../../i18n';
import { ledgerUrl, reportUrl, type LedgerFilters } from './exportLinks';
import { useDownload } from './useDownload';

interface Props {
  roundId: number;
  filters: LedgerFilters;
  /** Readable names of the active filters. */
  filterLabels: string[];
  onClearFilters: () => void;
}

function Section({ title, hint, children, testId }: { title: string; hint: string; children: React.ReactNode; testId: string }) {
  return (
    <div data-testid={testId} style={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
        {hint}
      </Typography.Paragraph>
      {children}
    </div>
  );
}

export function DownloadsCard({ roundId, filters, filterLabels, onClearFilters }: Props) {
  const t = useT();
  const { busy, download } = useDownload();
  const ledger = (format: 'xlsx' | 'csv' | 'json') =>
    download(`ledger-${format}`, ledgerUrl(roundId, format, filters), `ledger.${format}`);
  const report = (format: 'docx' | 'pdf') => download(`report-${format}`, reportUrl(roundId, format), `report.${format}`);

  return (
    <Card styles={{ body: { padding: 20 } }}>
      <Row gutter={[32, 20]}>
        <Col xs={24} lg={12} style={{ borderRight: '1px solid #f0f0f0' }}>
          <Section title={t('docs.ledger')} hint={t('docs.ledgerHint')} testId="ledger-downloads">
            <div data-testid="export-scope">
              {filterLabels.length ? (
                <Space size={4} wrap>
                  <Typography.Text type="secondary">{t('docs.scope')}：</Typography.Text>
                  {filterLabels.map((label) => (
                    <Tag key={label} color="blue" icon={<FilterOutlined />} style={{ margin: 0 }}>
                      {label}
                    </Tag>
                  ))}
                  <Button size="small" type="link" icon={<CloseOutlined />} onClick={onClearFilters}>
                    {t('docs.scopeClear')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('docs.scopeAll')}</Typography.Text>
              )}
            </div>
            <Space wrap>
              <Button
                type="primary"
                icon={<FileExcelOutlined />}
                loading={busy === 'ledger-xlsx'}
                onClick={() => void ledger('xlsx')}
                data-testid="download-ledger-xlsx"
              >
                {t('docs.excel')}
              </Button>
              <Button icon={<FileTextOutlined />} loading={busy === 'ledger-csv'} onClick={() => void ledger('csv')} data-testid="download-ledger-csv">
                {t('docs.csv')}
              </Button>
              <Button icon={<FileTextOutlined />} loading={busy === 'ledger-json'} onClick={() => void ledger('json')} data-testid="download-ledger-json">
                {t('docs.json')}
              </Button>
            </Space>
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('docs.report')} hint={t('docs.reportHint')} testId="report-downloads">
            <Space wrap>
              <Button
                type="primary"
                icon={<FileWordOutlined />}
                loading={busy === 'report-docx'}
                onClick={() => void report('docx')}
                data-testid="download-report-docx"
              >
                {t('docs.word')}
              </Button>
              <Button icon={<FilePdfOutlined />} loading={busy === 'report-pdf'} onClick={() => void report('pdf')} data-testid="download-report-pdf">
                {t('docs.pdf')}
              </Button>
              <Button icon={<PrinterOutlined />} href={reportUrl(roundId, 'html')} target="_blank" rel="noopener" data-testid="report-print">
                {t('docs.print')}
              </Button>
            </Space>
          </Section>
        </Col>
      </Row>
    </Card>
  );
}
