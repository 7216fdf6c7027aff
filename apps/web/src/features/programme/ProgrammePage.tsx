import { useMemo, useState } from 'react';
import { Button, Card, Col, Result, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { reportStateLabels, unitTypeLabels, type Programme, type ProgrammeQuery, type ProgrammeRow, type UnitType } from '@rectify/domain';
import { api } from '../../api/client';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { reportStateColor } from '../documents/ReportSubmissionCard';
import { useDownload } from '../documents/useDownload';

const queryString = (q: ProgrammeQuery) =>
  new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();

/** /programme — 整改总览: every round and unit side by side (the 巡察办, admin), figures from the API. */
export default function ProgrammePage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useMe();
  const allowed = hasAccess(me.data, 'programme.read');
  const [filter, setFilter] = useState<ProgrammeQuery>({});
  const [rank, setRank] = useState<'overdue' | 'completion'>('overdue');
  const { download, busy } = useDownload();
  const qs = queryString(filter);
  const view = useQuery({
    queryKey: ['programme', qs],
    queryFn: ({ signal }) => api.get<Programme>(`/api/programme${qs ? `?${qs}` : ''}`, undefined, signal),
    enabled: allowed,
  });
  const ranking = useMemo(() => {
    const rows = [...(view.data?.rows ?? [])].filter((r) => r.measures > 0);
    rows.sort((a, b) => (rank === 'overdue' ? b.overdue - a.overdue : (b.completionRate ?? 0) - (a.completionRate ?? 0)));
    return rows.slice(0, 15).map((r) => ({ name: r.unit.name, value: rank === 'overdue' ? r.overdue : (r.completionRate ?? 0) }));
  }, [view.data, rank]);

  if (!allowed) return <Result status="403" title={t('access.denied')} />;
  if (view.isPending) return <Loading />;
  if (view.isError) return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  const { rows, options, totals, today } = view.data;
  const unitTypeName = (u: UnitType | null) => (u ? unitTypeLabels[u][locale] : t('common.none'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="programme-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <h1 className="rectify-page-title">{t('programme.title')}</h1>
          <Typography.Text type="secondary">{t('programme.intro', { today })}</Typography.Text>
          <Space wrap>
            <Select allowClear style={{ minWidth: 220 }} placeholder={t('programme.committee')} aria-label={t('programme.committee')} value={filter.committee}
              options={options.committees.map((c) => ({ value: c, label: c }))} onChange={(v?: string) => setFilter((f) => ({ ...f, committee: v }))} data-testid="programme-committee" />
            <Select allowClear style={{ minWidth: 120 }} placeholder={t('programme.round')} aria-label={t('programme.round')} value={filter.roundName}
              options={options.roundNames.map((c) => ({ value: c, label: c }))} onChange={(v?: string) => setFilter((f) => ({ ...f, roundName: v }))} data-testid="programme-round" />
            <Select allowClear style={{ minWidth: 100 }} placeholder={t('programme.year')} aria-label={t('programme.year')} value={filter.year}
              options={options.years.map((y) => ({ value: y, label: String(y) }))} onChange={(v?: number) => setFilter((f) => ({ ...f, year: v }))} data-testid="programme-year" />
            <Select allowClear style={{ minWidth: 140 }} placeholder={t('programme.unitType')} aria-label={t('programme.unitType')} value={filter.unitType}
              options={options.unitTypes.map((u) => ({ value: u, label: unitTypeLabels[u][locale] }))} onChange={(v?: UnitType) => setFilter((f) => ({ ...f, unitType: v }))} data-testid="programme-unit-type" />
            <Button icon={<DownloadOutlined />} loading={busy === 'programme'} onClick={() => void download('programme', `/api/programme.xlsx${qs ? `?${qs}` : ''}`, `整改总览-${today}.xlsx`)} data-testid="programme-xlsx">
              {t('programme.export')}
            </Button>
          </Space>
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        {([['rounds', totals.rounds], ['units', totals.units], ['measures', totals.measures], ['closed', totals.closed], ['overdue', totals.overdue], ['postponed', totals.postponed]] as const).map(([k, v]) => (
          <Col xs={12} md={8} xl={4} key={k}>
            <Card size="small"><Statistic title={t(`programme.total.${k}`)} value={v} valueStyle={k === 'overdue' && v > 0 ? { color: '#cf1322' } : undefined} /></Card>
          </Col>
        ))}
      </Row>

      <Card
        title={t('programme.ranking')}
        extra={<Segmented value={rank} onChange={(v) => setRank(v as 'overdue' | 'completion')} options={[{ value: 'overdue', label: t('programme.byOverdue') }, { value: 'completion', label: t('programme.byCompletion') }]} data-testid="programme-rank" />}
      >
        <div style={{ width: '100%', height: Math.max(160, ranking.length * 32 + 40) }} aria-hidden="true">
          <ResponsiveContainer>
            <BarChart data={ranking} layout="vertical" margin={{ left: 16, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={rank === 'completion' ? [0, 100] : [0, 'auto']} allowDecimals={rank === 'completion'} />
              <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="value" name={rank === 'overdue' ? t('programme.overdue') : t('programme.completionRate')} fill={rank === 'overdue' ? '#cf1322' : '#3b7dd8'} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>

      <Card title={t('programme.table')}>
        <Table<ProgrammeRow>
          rowKey="roundId"
          size="small"
          dataSource={rows}
          scroll={{ x: 1490 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="programme-table"
          columns={[
            { title: t('programme.unit'), key: 'unit', fixed: 'left', width: 180, sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
              render: (_, r) => (<Link to={`/rounds/${r.roundId}`} data-testid={`programme-open-${r.roundId}`}>{r.unit.name}</Link>) },
            { title: t('programme.unitType'), key: 'unitType', width: 110, render: (_, r) => unitTypeName(r.unit.unitType) },
            { title: t('programme.round'), key: 'round', width: 200, render: (_, r) => `${r.roundName}${r.groupName}`, sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN') },
            { title: t('programme.measures'), dataIndex: 'measures', width: 100, sorter: (a, b) => a.measures - b.measures },
            { title: t('programme.closed'), dataIndex: 'closed', width: 90, sorter: (a, b) => a.closed - b.closed },
            { title: t('programme.inProgress'), dataIndex: 'inProgress', width: 100, sorter: (a, b) => a.inProgress - b.inProgress },
            { title: t('programme.overdue'), dataIndex: 'overdue', width: 96, sorter: (a, b) => a.overdue - b.overdue, render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v) },
            { title: t('programme.postponed'), dataIndex: 'postponed', width: 110, sorter: (a, b) => a.postponed - b.postponed },
            { title: t('programme.warnings'), key: 'warnings', width: 140, render: (_, r) => (<Space size={2}><Tag color="red">{r.warnings.overdue}</Tag><Tag color="gold">{r.warnings.urgent}</Tag><Tag color="green">{r.warnings.dueSoon}</Tag></Space>) },
            { title: t('programme.completionRate'), dataIndex: 'completionRate', width: 120, defaultSortOrder: 'ascend', sorter: (a, b) => (a.completionRate ?? -1) - (b.completionRate ?? -1), render: (v: number | null) => (v === null ? '—' : `${v}%`) },
            { title: t('programme.daysSinceFeedback'), dataIndex: 'daysSinceFeedback', width: 110, sorter: (a, b) => (a.daysSinceFeedback ?? -1) - (b.daysSinceFeedback ?? -1), render: (v: number | null) => v ?? '—' },
            { title: t('programme.lastActivity'), dataIndex: 'lastActivity', width: 120, sorter: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''), render: (v: string | null) => (v ? v.slice(0, 10) : '—') },
            { title: t('programme.report'), dataIndex: 'reportState', width: 110, render: (v: ProgrammeRow['reportState']) => <Tag color={reportStateColor[v]}>{reportStateLabels[v][locale]}</Tag> },
            { title: t('programme.ratings'), key: 'ratings', width: 130, sorter: (a, b) => a.ratings.dissatisfied - b.ratings.dissatisfied, render: (_, r) => (r.ratings.opinions ? <Space size={2} data-testid="programme-ratings"><Tag color="green">{r.ratings.satisfied}</Tag><Tag color="gold">{r.ratings.basicallySatisfied}</Tag><Tag color="volcano">{r.ratings.dissatisfied}</Tag></Space> : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
