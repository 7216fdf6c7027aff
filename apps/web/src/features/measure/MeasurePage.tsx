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
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { enumerationWord, subsectionNumber, type MeasureDetail } from '@rectify/domain';
import { useMeasure, useRound } from '../../api/hooks';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { brand } from '../../app/theme';
import { useLocale, useT } from '../../i18n';
import { kindLabel } from '../../shared/labels';
import { LoadError, Loading } from '../../shared/PageState';
import { DemoTag, OverdueTag, StatusTag } from '../../shared/StatusTag';
import { MeasureEditDrawer } from './MeasureEditDrawer';

export default function MeasurePage() {
  const t = useT();
  const [locale] = useLocale();
  const id = Number(useParams().id);
  const measure = useMeasure(id);
  const roundId = measure.data?.path.round.id;
  useSetCurrentRound(roundId);
  const round = useRound(roundId);
  const [editing, setEditing] = useState(false);

  if (measure.isPending) return <Loading />;
  if (measure.isError) return <LoadError error={measure.error} onRetry={() => void measure.refetch()} />;
  const m: MeasureDetail = measure.data;
  const none = t('common.none');

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
      <Card
        title={
          <Space size={8} wrap>
            <FileTextOutlined style={{ color: brand.primary }} />
            <span>
              {t('measure.title')} {enumerationWord(m.ordinal)}
            </span>
            <StatusTag status={m.status} />
            {m.overdue && <OverdueTag days={m.daysOverdue} testId="measure-overdue" />}
            {m.demo && <DemoTag />}
          </Space>
        }
        extra={
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-measure">
            {t('measure.edit')}
          </Button>
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
                </Space>
              ),
            },
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
                  size="small"
                  status={m.overdue ? 'exception' : m.status === 'closed' ? 'success' : 'active'}
                  format={(p) => `${p}%`}
                  style={{ maxWidth: 260, margin: 0 }}
                />
              ),
            },
            { key: 'updated', label: t('measure.updatedAt'), children: m.updatedAt.slice(0, 16).replace('T', ' ') },
            { key: 'version', label: t('measure.version'), children: <span data-testid="measure-version">{m.version}</span> },
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

      <Card title={t('measure.updates')}>
        {m.updates.length ? (
          <Timeline
            items={[...m.updates]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((u) => ({
                key: u.id,
                color: u.percent >= 100 ? 'green' : 'blue',
                children: (
                  <div>
                    <Space size={8} wrap>
                      <Typography.Text strong>{u.date}</Typography.Text>
                      <Tag>{u.percent}%</Tag>
                      {u.author && <Typography.Text type="secondary">{t('measure.author', { name: u.author.name })}</Typography.Text>}
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
                  </div>
                ),
              }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('measure.noUpdates')} />
        )}
      </Card>

      <MeasureEditDrawer
        open={editing}
        measure={m}
        organizationId={round.data?.inspectedUnit.id}
        onClose={() => setEditing(false)}
        reload={async () => (await measure.refetch()).data}
      />
    </Space>
  );
}
