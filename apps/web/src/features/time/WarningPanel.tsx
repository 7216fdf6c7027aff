import { Col, Row } from 'antd';
import { Link } from 'react-router';
import type { WarningLevel } from '@rectify/domain';
import { useT } from '../../i18n';
import { Figure } from '../../shared/Figure';
import { Panel } from '../../shared/Panel';
import { useTimeSummary } from './api';
import { warningStyle } from './warningStyle';

const LEVELS: Exclude<WarningLevel, 'none'>[] = ['overdue', 'urgent', 'due_soon'];

/** 三色预警 on the dashboard: open measures per level, postponed, due next; each figure opens the timeline filtered by it. */
export function WarningPanel({ roundId }: { roundId: number }) {
  const t = useT();
  const summary = useTimeSummary(roundId);
  const s = summary.data;
  if (!s) return null;
  const figure = (key: string, title: string, value: number, to: string, color?: string, border?: string) => (
    // From lg up the seven figures share one row in equal parts (lg={4} fits six: the seventh wrapped
    // onto a row of its own at 1440 px); a long title wraps inside its card, the cards keep one height.
    <Col key={key} xs={12} sm={8} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }} data-testid="warning-figure">
      <Link to={to} data-testid={`warning-count-${key}`} aria-label={`${title}: ${value}`} style={{ display: 'block', height: '100%' }}>
        <Panel className="rectify-stat" hoverable style={{ borderLeft: `3px solid ${border ?? '#d9dee7'}`, height: '100%' }}>
          <Figure title={title} value={value} valueStyle={{ color, fontWeight: 600 }} />
        </Panel>
      </Link>
    </Col>
  );
  const timeline = `/rounds/${roundId}/timeline`;
  return (
    <Panel
      title={t('time.warnings')}
      data-testid="warning-panel"
      extra={<span className="rectify-secondary" style={{ fontSize: 12 }}>{t('time.warningsHint')}</span>}
    >
      <Row gutter={[12, 12]}>
        {LEVELS.map((level) =>
          figure(level, t(`time.level.${level}`), s.levels[level], `${timeline}?level=${level}`, warningStyle[level].color, warningStyle[level].bar),
        )}
        {figure('postponed', t('time.postponed'), s.postponed, `${timeline}?postponed=1`)}
        {figure('dueNext14', t('time.dueNext14'), s.dueNext14, `${timeline}?due=14`)}
        {figure('longTerm', t('time.longTerm'), s.longTerm, `${timeline}?kind=long_term`)}
        {figure('checkInsMissed', t('time.checkInsMissed'), s.checkInsMissed, `${timeline}?kind=long_term&level=overdue`, s.checkInsMissed ? warningStyle.overdue.color : undefined, s.checkInsMissed ? warningStyle.overdue.bar : undefined)}
      </Row>
      <p className="rectify-secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('time.thresholds', { first: s.thresholds.warnDueSoonDays, second: s.thresholds.warnVerySoonDays, margin: s.thresholds.behindScheduleMargin })}
      </p>
    </Panel>
  );
}
