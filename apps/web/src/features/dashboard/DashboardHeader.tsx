import { Button, Col, Descriptions, Row, Space } from 'antd';
import { ApartmentOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { RoundWithTotals } from '@rectify/domain';
import { useT } from '../../i18n';
import { DemoTag } from '../../shared/DemoTag';
import { Panel } from '../../shared/Panel';
import { useDownload } from '../documents/useDownload';

/** The round's title and dates, with the tree, print and PDF buttons. */
export function DashboardHeader({ roundId, round, today, printing, onPrint }: { roundId: number; round: RoundWithTotals | undefined; today: string; printing: boolean; onPrint: () => void }) {
  const t = useT();
  const { busy: pdfBusy, download } = useDownload();
  return (
    <Panel bodyStyle={{ padding: '16px 20px' }}>
      <Row gutter={16} align="middle" wrap>
        <Col flex="auto">
          <h1 className="rectify-page-title">
            {t('dashboard.title')} {round?.demo && <DemoTag />}
          </h1>
          <span className="rectify-secondary">{round?.title ?? ''}</span>
        </Col>
        <Col className="rectify-no-print">
          <Space wrap>
            <Link to={`/rounds/${roundId}/tree`}>
              <Button icon={<ApartmentOutlined />}>{t('dashboard.openTree')}</Button>
            </Link>
            <Button icon={<PrinterOutlined />} loading={printing} onClick={onPrint} data-testid="dashboard-print">
              {t('dashboard.print')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={pdfBusy === 'pdf'}
              onClick={() => void download('pdf', `/api/rounds/${roundId}/dashboard.pdf`, 'dashboard.pdf')}
              data-testid="dashboard-pdf"
            >
              {t('dashboard.pdf')}
            </Button>
          </Space>
        </Col>
      </Row>
      {round && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 5 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'unit', label: t('dashboard.unit'), children: round.inspectedUnit.name },
            { key: 'feedback', label: t('dashboard.feedbackDate'), children: round.feedbackDate ?? t('common.none') },
            { key: 'deadline', label: t('dashboard.deadline'), children: round.rectificationDeadline ?? t('common.none') },
            { key: 'report', label: t('dashboard.reportDate'), children: round.reportDate ?? t('common.none') },
            { key: 'today', label: t('dashboard.asOf'), children: today },
          ]}
        />
      )}
    </Panel>
  );
}
