import { useMemo, useState } from 'react';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { DashboardOutlined, ImportOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { measureStatusLabels } from '@rectify/domain';
import { useRound, useRoundSummary } from '../../api/hooks';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { DemoTag } from '../../shared/DemoTag';
import { categoryLabel } from '../../shared/labels';
import { useCanWrite } from './api';
import { DownloadsCard } from './DownloadsCard';
import { ledgerFiltersFromSearch } from './exportLinks';
import { LedgerImportCard } from './LedgerImportCard';
import { ShareLinksPanel } from '../share/ShareLinksPanel';
import { ReportPreview } from './ReportPreview';
import { ReportTextsEditor } from './ReportTextsEditor';
import { ReportSubmissionCard } from './ReportSubmissionCard';

/** /rounds/:id/documents — the ledger and report downloads, the report texts with a preview, the ledger import. */
export default function DocumentsPage() {
  const t = useT();
  const [locale] = useLocale();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => ledgerFiltersFromSearch(params), [params]);
  const round = useRound(roundId);
  const summary = useRoundSummary(roundId);
  const canWrite = useCanWrite();
  const [revision, setRevision] = useState(0);
  const refreshPreview = () => setRevision((r) => r + 1);

  const filterLabels = useMemo(() => {
    const s = summary.data;
    const labels: string[] = [];
    if (filters.categoryId) {
      const c = s?.byCategory.find((x) => x.categoryId === filters.categoryId);
      labels.push(t('dashboard.filter.category', { name: c ? categoryLabel(c) : `#${filters.categoryId}` }));
    }
    if (filters.problemId) labels.push(t('docs.filter.problem', { name: filters.problemId }));
    if (filters.leaderId) {
      const name = s?.byLeader.find((x) => x.leaderId === filters.leaderId)?.name ?? `#${filters.leaderId}`;
      labels.push(t('dashboard.filter.leader', { name }));
    }
    if (filters.departmentId) {
      const name = s?.byDepartment.find((x) => x.departmentId === filters.departmentId)?.name ?? `#${filters.departmentId}`;
      labels.push(t('dashboard.filter.department', { name }));
    }
    if (filters.status?.length)
      labels.push(t('docs.filter.status', { name: filters.status.map((st) => measureStatusLabels[st][locale]).join('、') }));
    if (filters.overdue !== undefined) labels.push(t(filters.overdue ? 'docs.filter.overdue' : 'docs.filter.notOverdue'));
    if (filters.q) labels.push(t('docs.filter.q', { name: filters.q }));
    return labels;
  }, [filters, summary.data, t, locale]);

  if (round.isPending) return <Loading />;
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="documents-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16, justifyContent: 'space-between' }}>
          <div>
            <h1 className="rectify-page-title">
              {t('docs.title')} {r.demo && <DemoTag />}
            </h1>
            <Typography.Text type="secondary">
              {r.title} · {r.inspectedUnit.name}
            </Typography.Text>
          </div>
          <Space wrap>
            <Link to={`/rounds/${roundId}`}>
              <Button icon={<DashboardOutlined />}>{t('nav.dashboard')}</Button>
            </Link>
            {canWrite && (
              <Link to="/import">
                <Button icon={<ImportOutlined />} data-testid="open-text-import">
                  {t('docs.importText')}
                </Button>
              </Link>
            )}
          </Space>
        </div>
      </Card>

      <ReportSubmissionCard roundId={roundId} />

      <DownloadsCard
        roundId={roundId}
        filters={filters}
        filterLabels={filterLabels}
        onClearFilters={() => setParams(new URLSearchParams(), { replace: true, preventScrollReset: true })}
      />

      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} xl={11}>
          <ReportTextsEditor roundId={roundId} canWrite={canWrite} onSaved={refreshPreview} />
        </Col>
        <Col xs={24} xl={13}>
          <ReportPreview roundId={roundId} revision={revision} onRefresh={refreshPreview} />
        </Col>
      </Row>

      <LedgerImportCard roundId={roundId} canWrite={canWrite} />

      {canWrite && <ShareLinksPanel roundId={roundId} />}
    </Space>
  );
}
