import { Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { Figure } from '../../shared/Figure';
import { Panel } from '../../shared/Panel';
import { useRoundFollowUps } from './api';
import { FollowUpRow } from './FollowUpRow';

/** 回头看 on the dashboard: reviews due and overdue, the results so far, the reviews still open. */
export function FollowUpPanel({ roundId }: { roundId: number }) {
  const t = useT();
  const overview = useRoundFollowUps(roundId);
  const o = overview.data;
  if (!o) return null;
  const open = o.reviews.filter((r) => r.state !== 'done').slice(0, 5);
  const figure = (key: string, title: string, value: number, color?: string) => (
    <Col key={key} xs={12} sm={6}>
      <Panel className="rectify-stat" data-testid={`follow-up-figure-${key}`}>
        <Figure title={title} value={value} valueStyle={{ color, fontWeight: 600 }} />
      </Panel>
    </Col>
  );
  return (
    <Panel
      title={t('followUps.dashboardTitle')}
      data-testid="follow-up-panel"
      extra={<Link to={`/rounds/${roundId}/follow-ups`}>{t('followUps.open')}</Link>}
    >
      <Row gutter={[12, 12]}>
        {figure('due', t('followUps.state.due'), o.totals.due, '#ad6800')}
        {figure('overdue', t('followUps.state.overdue'), o.totals.overdue, '#cf1322')}
        {figure('held', t('followUps.held'), o.totals.held, '#237804')}
        {figure('slid', t('followUps.slid'), o.totals.slid, '#cf1322')}
      </Row>
      {open.length > 0 ? (
        <ul className="rectify-rows" style={{ marginTop: 8 }}>
          {open.map((r) => (
            <FollowUpRow key={r.id} review={r} />
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {o.reviews.length ? t('followUps.dashboardResults', { checked: o.totals.held + o.totals.slid, held: o.totals.held, slid: o.totals.slid }) : t('followUps.none')}
        </Typography.Paragraph>
      )}
    </Panel>
  );
}
