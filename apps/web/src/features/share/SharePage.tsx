import { useMemo } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Col, Layout, Progress, Result, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { completionRate } from '@rectify/domain';
import { useT } from '../../i18n';
import { useLanguageChoice } from '../../shared/LanguageSwitch';
import { Loading } from '../../shared/Loading';
import { ProgressChart } from '../dashboard/ProgressChart';
import { OverdueTable } from '../dashboard/OverdueTable';
import { chartRows } from '../dashboard/chartRows';
import { SharedTree } from './SharedTree';
import { sharedDownload, useSharedRound, useSharedSummary, useSharedTree } from './api';

/**
 * What the inspection team (巡察组) sees through a share link: one round's progress, its problem
 * list and the documents, with no account and no way to change anything.
 */
export default function SharePage() {
  const t = useT();
  const { locale, loading: languageLoading, choose: chooseLanguage } = useLanguageChoice();
  const token = useParams().token ?? '';
  const shared = useSharedRound(token);
  const summary = useSharedSummary(token, shared.isSuccess);
  const tree = useSharedTree(token, shared.isSuccess);
  const rows = useMemo(() => (summary.data ? chartRows(summary.data, t) : null), [summary.data, t]);

  const header = (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#1f3a5f', paddingInline: 24 }}>
      <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>{t('share.pageTitle')}</Typography.Text>
      <Button size="small" loading={languageLoading} onClick={() => chooseLanguage(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
        {locale === 'zh-CN' ? t('lang.en') : t('lang.zhCN')}
      </Button>
    </Layout.Header>
  );

  let body;
  if (shared.isPending) body = <Loading />;
  else if (shared.isError) body = (
    <div data-testid="share-invalid">
      <Result status="warning" title={t('share.invalid')} />
    </div>
  );
  else {
    const { round, label, expiresAt } = shared.data;
    const counts = summary.data?.totals;
    body = (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="share-round-title">
            {round.title}
          </Typography.Title>
          <Space wrap size={16}>
            <Typography.Text>{round.inspectedUnit.name}</Typography.Text>
            <Typography.Text type="secondary">{t('share.for', { label })}</Typography.Text>
            <Typography.Text type="secondary">{t('share.validUntil', { date: new Date(expiresAt).toLocaleDateString(locale) })}</Typography.Text>
          </Space>
          <Alert type="info" showIcon message={t('share.readOnly')} style={{ marginTop: 12 }} />
          <Space wrap style={{ marginTop: 12 }}>
            <Button icon={<DownloadOutlined />} href={sharedDownload(token, 'ledger.xlsx')} data-testid="share-download-ledger">
              {t('share.ledger')}
            </Button>
            <Button icon={<FileWordOutlined />} href={sharedDownload(token, 'report.docx')} data-testid="share-download-report">
              {t('share.reportWord')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={sharedDownload(token, 'report.pdf')}>
              {t('share.reportPdf')}
            </Button>
          </Space>
        </Card>
        <Tabs
          items={[
            {
              key: 'dashboard',
              label: t('share.tabDashboard'),
              children: summary.data && rows && counts ? (
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <Row gutter={16}>
                    <Col xs={24} md={8}>
                      <Card>
                        <Statistic title={t('share.completion')} value={`${counts.closed} / ${counts.measures}`} />
                        <Progress percent={Math.round(completionRate({ ...counts, total: counts.measures }) * 100)} status={counts.overdue ? 'exception' : 'normal'} />
                        <Typography.Text type="secondary">{t('share.counts', { problems: counts.problems, manifestations: counts.manifestations, measures: counts.measures })}</Typography.Text>
                      </Card>
                    </Col>
                    <Col xs={24} md={16}>
                      <Card title={t('share.byCategory')}>
                        <ProgressChart testId="share-chart-category" rows={rows.category} selectedId={null} onSelect={() => undefined} axisWidth={150} />
                      </Card>
                    </Col>
                  </Row>
                  <OverdueTable items={summary.data.overdue} total={summary.data.totals.overdue} linkMeasures={false} />
                </Space>
              ) : (
                <Loading />
              ),
            },
            { key: 'tree', label: t('share.tabTree'), children: tree.data ? <SharedTree tree={tree.data} /> : <Loading /> },
          ]}
        />
      </Space>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {header}
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>{body}</Layout.Content>
    </Layout>
  );
}
