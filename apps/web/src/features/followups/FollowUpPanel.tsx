import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n';
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
      <Card className="rectify-stat" size="small" data-testid={`follow-up-figure-${key}`}>
        <Statistic title={title} value={value} valueStyle={{ color, fontWeight: 600 }} />
      </Card>
    </Col>
  );
  return (
    <Card
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
        <List size="small" style={{ marginTop: 8 }} dataSource={open} renderItem={(r) => <FollowUpRow review={r} />} />
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {o.reviews.length ? t('followUps.dashboardResults', { checked: o.totals.held + o.totals.slid, held: o.totals.held, slid: o.totals.slid }) : t('followUps.none')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
