import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Progress,
  Row,
  Space,
  Statistic,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { AuditOutlined, EditOutlined, FileTextOutlined, FormOutlined, HistoryOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { enumerationWord, subsectionNumber, type MeasureDetail, formatDateTime } from '@rectify/domain';
import { useMeasure, useRound } from '../../api/hooks';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { brand } from '../../app/theme';
import { useLocale, useT } from '../../i18n';
import { kindLabel } from '../../shared/labels';
import { useScreen } from '../../shared/useScreen';
import { LoadError, Loading } from '../../shared/PageState';
import { DemoTag } from '../../shared/DemoTag';
import { OverdueTag, StatusTag } from '../../shared/StatusTag';
import { MeasureFollowUpsPanel } from '../followups/MeasureFollowUpsPanel';
import { NoticesPanel } from '../time/NoticesPanel';
import { PostponementPanel } from '../time/PostponementPanel';
import { WarningTag } from '../time/WarningTag';
import { ClosureBanner } from './ClosureBanner';
import { ButtonWithReason } from '../../shared/ButtonWithReason';
import { EvidencePanel } from './EvidencePanel';
import { EvidenceGallery } from './EvidenceView';
import { HistoryPanel } from './HistoryPanel';
import { MeasureEditDrawer } from './MeasureEditDrawer';
import { ProgressUpdateModal } from './ProgressUpdateModal';
import { SubmitClosureModal } from './SubmitClosureModal';
import { measureActions } from './measureActions';

const TABS = ['updates', 'evidence', 'history'] as const;
type TabKey = (typeof TABS)[number];

export default function MeasurePage() {
  const t = useT();
  const { phone } = useScreen();
  const [locale] = useLocale();
  const id = Number(useParams().id);
  const measure = useMeasure(id);
  const roundId = measure.data?.path.round.id;
  useSetCurrentRound(roundId);
  const round = useRound(roundId);
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'updates';

  if (measure.isPending) return <Loading />;
  if (measure.isError) return <LoadError error={measure.error} onRetry={() => void measure.refetch()} />;
  const m: MeasureDetail = measure.data;
  const none = t('common.none');
  const actions = measureActions(m);
  const evidenceCount = m.evidenceCount ?? 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="measure-page">
      <Breadcrumb
        items={[
          { title: <Link to={`/rounds/${m.path.round.id}`}>{t('nav.dashboard')}</Link> },
          { title: <Link to={`/rounds/${m.path.round.id}/tree`}>{t('nav.tree')}</Link> },
          { title: `${subsectionNumber(m.path.category.ordinal)}${m.path.category.title}` },
          { title: `${m.path.problem.ordinal}. ${m.path.problem.title}` },
        ]}
      />
      <ClosureBanner measure={m} />
      <Card
        title={
          <Space size={8} wrap>
            <FileTextOutlined style={{ color: brand.primary }} />
            <h1 className="rectify-page-title" style={{ display: 'inline', fontSize: 16, margin: 0 }}>
              {t('measure.title')} {enumerationWord(m.ordinal)}
            </h1>
            <StatusTag status={m.status} />
            {m.overdue && <OverdueTag days={m.daysOverdue} testId="measure-overdue" />}
            {/* Red is the overdue tag when a deadline passed; a missed check-in (长期坚持) has no deadline to say it. */}
            {(m.warningLevel !== 'overdue' || !m.overdue) && <WarningTag level={m.warningLevel} short />}
            {m.demo && <DemoTag />}
          </Space>
        }
        extra={
          <Space size={8} wrap>
            {actions.report && (
              <Button icon={<FormOutlined />} onClick={() => setReporting(true)} data-testid="report-progress">
                {t('progress.title')}
              </Button>
            )}
            {actions.submit !== 'hidden' && (
              <ButtonWithReason
                icon={<SendOutlined />}
                disabled={actions.submit !== 'enabled'}
                reason={actions.submit === 'needsEvidence' ? t('closure.needsEvidence') : null}
                onClick={() => setSubmitting(true)}
                data-testid="submit-closure"
              >
                {t('closure.submit')}
              </ButtonWithReason>
            )}
            {actions.edit !== 'hidden' && (
              <ButtonWithReason
                type="primary"
                icon={<EditOutlined />}
                disabled={actions.edit !== 'enabled'}
                reason={actions.edit === 'locked' ? t('closure.lockedNote') : null}
                onClick={() => setEditing(true)}
                data-testid="edit-measure"
              >
                {t('measure.edit')}
              </ButtonWithReason>
            )}
          </Space>
        }
      >
        <Typography.Paragraph
          data-testid="measure-text"
          style={{
            fontSize: 15,
            lineHeight: 1.9,
            background: '#f7f9fc',
            borderLeft: `3px solid ${brand.primary}`,
            padding: '12px 16px',
            marginBottom: 20,
            whiteSpace: 'pre-wrap',
          }}
        >
          {m.text}
        </Typography.Paragraph>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          styles={{ label: { width: 120, whiteSpace: "nowrap" } }}
          items={[
            {
              key: 'path',
              label: t('measure.path'),
              span: 2,
              children: (
                <>
                  {m.path.round.title}
                  <br />
                  {subsectionNumber(m.path.category.ordinal)}
                  {m.path.category.title}
                  <br />
                  {m.path.problem.ordinal}. {m.path.problem.title}
                </>
              ),
            },
            { key: 'kind', label: t('measure.kind'), children: kindLabel(m.kind, locale) },
            {
              key: 'status',
              label: t('measure.status'),
              children: (
                <span data-testid="measure-status">
                  <StatusTag status={m.status} />
                </span>
              ),
            },
            {
              key: 'deadline',
              label: t('measure.deadline'),
              children: (
                <Space size={4}>
                  <span style={m.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{m.deadline ?? none}</span>
                  {m.overdue && <Typography.Text type="danger">({t('measure.overdue', { n: m.daysOverdue })})</Typography.Text>}
                  {m.originalDeadline && (
                    <Typography.Text type="secondary" data-testid="measure-original-deadline">
                      {t('time.originalDeadline')} {m.originalDeadline}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            ...(m.kind === 'long_term'
              ? [
                  {
                    key: 'checkIn',
                    label: t('measure.checkInCadence'),
                    children: (
                      <Space size={4} wrap data-testid="measure-check-in">
                        <span>{m.checkInCadence ? t(`measure.checkIn.${m.checkInCadence}`) : t('measure.checkInNone')}</span>
                        {m.checkInCadence && (
                          <Typography.Text type="secondary">
                            {t('measure.lastCheckIn')} {m.lastCheckInOn ?? none}
                          </Typography.Text>
                        )}
                        {m.nextCheckInDue && (
                          <Typography.Text type={m.warningLevel === 'overdue' ? 'danger' : 'secondary'} data-testid="measure-next-check-in">
                            {t('measure.nextCheckIn')} {m.nextCheckInDue}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
            { key: 'completed', label: t('measure.completedDate'), children: m.completedDate ?? none },
            { key: 'leader', label: t('measure.leader'), children: m.leader?.name ?? none },
            { key: 'dept', label: t('measure.leadDepartment'), children: m.leadDepartment?.name ?? none },
            {
              key: 'co',
              label: t('measure.coDepartments'),
              children: m.coDepartments.length ? m.coDepartments.map((d) => <Tag key={d.id}>{d.name}</Tag>) : none,
            },
            {
              key: 'progress',
              label: t('measure.progress'),
              children: (
                <Progress
                  percent={m.progress}
                  aria-label={t('measure.progress')}
                  size="small"
                  status={m.overdue ? 'exception' : m.status === 'closed' ? 'success' : 'active'}
                  format={(p) => `${p}%`}
                  style={{ maxWidth: 260, margin: 0 }}
                />
              ),
            },
            { key: 'updated', label: t('measure.updatedAt'), children: <span data-testid="measure-updated">{formatDateTime(m.updatedAt)}</span> },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('measure.outcome')} style={{ height: '100%' }}>
            {m.outcome ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{m.outcome}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{none}</Typography.Text>
            )}
            {m.figures.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 8 }}>
                  {t('measure.figures')}
                </Typography.Title>
                <Row gutter={[12, 12]}>
                  {m.figures.map((f) => (
                    <Col key={f.id} xs={12} md={8}>
                      <Card size="small" style={{ background: '#f7f9fc' }}>
                        <Statistic title={f.label} value={f.value} suffix={f.unit} valueStyle={{ color: brand.primary }} />
                      </Card>
                    </Col>
                  ))}
                </Row>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('measure.regulations')} style={{ height: '100%' }}>
            {m.regulations.length ? (
              <List
                size="small"
                dataSource={m.regulations}
                renderItem={(r) => <List.Item>{r.title}</List.Item>}
              />
            ) : (
              <Typography.Text type="secondary">{none}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      <PostponementPanel measure={m} />

      <NoticesPanel measure={m} />

      <MeasureFollowUpsPanel measure={m} />

      <Card styles={{ body: { paddingTop: 4 } }} data-testid="measure-work">
        <Tabs
          // On a phone the three tabs must fit without antd's "more" menu, whose button inside the
          // tablist breaks its ARIA structure (axe: aria-required-children).
          size={phone ? 'small' : undefined}
          tabBarGutter={phone ? 12 : undefined}
          activeKey={tab}
          onChange={(key) => setParams(key === 'updates' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'updates',
              label: (
                <span data-testid="tab-updates">
                  <AuditOutlined /> {t('measure.updates')} ({m.updates.length})
                </span>
              ),
              children: (
                <>
            {actions.report && (
              <Button icon={<FormOutlined />} onClick={() => setReporting(true)} style={{ marginBottom: 12 }}>
                {t('progress.add')}
              </Button>
            )}
            {m.updates.length ? (
              <Timeline
                items={[...m.updates]
                  .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
                  .map((u) => ({
                    key: u.id,
                    color: u.percent >= 100 ? 'green' : 'blue',
                    children: (
                      <div data-testid="update-item">
                        <Space size={8} wrap>
                          <Typography.Text strong>{u.date}</Typography.Text>
                          <Tag>{u.percent}%</Tag>
                          {(u.authorUser || u.author) && (
                            <Typography.Text type="secondary" data-testid="update-author">
                              {t('measure.author', { name: u.authorUser?.name ?? u.author?.name ?? u.authorUser?.username ?? '' })}
                            </Typography.Text>
                          )}
                        </Space>
                        <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{u.text}</div>
                        {u.figures.length > 0 && (
                          <div style={{ marginTop: 4 }}>
                            {u.figures.map((f) => (
                              <Tag key={f.id} color="blue">
                                {f.label} {f.value}
                                {f.unit}
                              </Tag>
                            ))}
                          </div>
                        )}
                        <EvidenceGallery items={u.evidence ?? []} testId="update-evidence" />
                      </div>
                    ),
                  }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('measure.noUpdates')} />
            )}
                </>
              ),
            },
            {
              key: 'evidence',
              label: (
                <span data-testid="tab-evidence">
                  <PaperClipOutlined /> {t('evidence.title')} ({evidenceCount})
                </span>
              ),
              children: <EvidencePanel measureId={m.id} canUpload={!!m.myAccess?.progress} locked={actions.locked} />,
            },
            {
              key: 'history',
              label: (
                <span data-testid="tab-history">
                  <HistoryOutlined /> {t('history.title')}
                </span>
              ),
              children: <HistoryPanel measureId={m.id} active={tab === 'history'} />,
            },
          ]}
        />
      </Card>

      <MeasureEditDrawer
        open={editing}
        measure={m}
        organizationId={round.data?.inspectedUnit.id}
        onClose={() => setEditing(false)}
        reload={async () => (await measure.refetch()).data}
      />
      <ProgressUpdateModal open={reporting} measureId={m.id} currentPercent={m.progress} onClose={() => setReporting(false)} />
      <SubmitClosureModal open={submitting} measureId={m.id} evidenceCount={evidenceCount} onClose={() => setSubmitting(false)} />
    </Space>
  );
}
