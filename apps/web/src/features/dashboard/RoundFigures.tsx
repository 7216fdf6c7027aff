import { Col, Row } from 'antd';
import { Link } from 'react-router';
import { completionRate, type RoundSummary } from '@rectify/domain';
import { brand } from '../../app/theme';
import { useT } from '../../i18n';
import { Figure } from '../../shared/Figure';
import { Panel } from '../../shared/Panel';
import { CompletionGauge } from './CompletionGauge';

/** 整改完成率 as a gauge, beside the round's figures (measures by state, findings, rules and meetings). */
export function RoundFigures({ roundId, totals, regulationCount, meetingCount }: { roundId: number; totals: RoundSummary['totals']; regulationCount: number | undefined; meetingCount: number | undefined }) {
  const t = useT();
  const percent = Math.round(completionRate({ ...totals, total: totals.measures }) * 1000) / 10;
  const stats: { key: string; title: string; value: number | string; suffix: string; color?: string; to?: string }[] = [
    { key: 'measures', title: t('dashboard.stat.measures'), value: totals.measures, suffix: t('dashboard.unitItems') },
    { key: 'closed', title: t('dashboard.stat.closed'), value: totals.closed, suffix: t('dashboard.unitItems'), color: brand.closed },
    { key: 'inProgress', title: t('dashboard.stat.inProgress'), value: totals.inProgress, suffix: t('dashboard.unitItems'), color: brand.onTrack },
    { key: 'overdue', title: t('dashboard.stat.overdue'), value: totals.overdue, suffix: t('dashboard.unitItems'), color: totals.overdue > 0 ? '#cf1322' : undefined },
    { key: 'problems', title: t('dashboard.stat.problems'), value: totals.problems, suffix: t('dashboard.unitCount') },
    { key: 'manifestations', title: t('dashboard.stat.manifestations'), value: totals.manifestations, suffix: t('dashboard.unitCount') },
    { key: 'regulations', title: t('dashboard.regulations'), value: regulationCount ?? t('common.none'), suffix: t('dashboard.unitItems'), to: `/rounds/${roundId}/registers` },
    { key: 'meetings', title: t('dashboard.meetings'), value: meetingCount ?? t('common.none'), suffix: '', to: `/rounds/${roundId}/registers?tab=meetings` },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6}>
        <Panel className="rectify-stat" style={{ height: '100%' }} data-testid="completion">
          <div style={{ textAlign: 'center' }}>
            <span className="rectify-secondary">{t('dashboard.completion')}</span>
            <div style={{ margin: '10px 0 6px' }}>
              <CompletionGauge percent={percent} size={150} from={brand.onTrack} to={brand.closed} label={t('dashboard.completion')} />
            </div>
            <span data-testid="completion-detail">
              {t('dashboard.completionDetail', { closed: totals.closed, total: totals.measures })}
            </span>
          </div>
        </Panel>
      </Col>
      <Col xs={24} lg={18}>
        <Row gutter={[16, 16]}>
          {stats.map((st) => (
            <Col key={st.key} xs={12} md={6}>
              <Panel className="rectify-stat" data-testid={`stat-${st.key}`} style={{ borderLeft: `3px solid ${st.color ?? '#d9dee7'}` }}>
                <Figure
                  title={st.to ? <Link to={st.to} title={t('dashboard.openRegisters')} data-testid={`stat-link-${st.key}`}>{st.title}</Link> : st.title}
                  value={st.value}
                  suffix={<span style={{ fontSize: 13 }}>{st.suffix}</span>}
                  valueStyle={{ color: st.color, fontWeight: 600 }}
                />
              </Panel>
            </Col>
          ))}
        </Row>
      </Col>
    </Row>
  );
}
