import { Col, Row } from 'antd';
import { satisfactionLabels, type RoundSummary } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { Figure } from '../../shared/Figure';
import { Panel } from '../../shared/Panel';

/** 群众满意度: the public page's ratings, counted by the API; shown once there are opinions. */
export function RatingsCard({ ratings }: { ratings: RoundSummary['ratings'] }) {
  const t = useT();
  const [locale] = useLocale();
  if (ratings.opinions === 0) return null;
  const figures = [
    ['satisfied', ratings.satisfied, '#3f8600'],
    ['basically_satisfied', ratings.basicallySatisfied, '#d48806'],
    ['dissatisfied', ratings.dissatisfied, '#cf1322'],
  ] as const;
  return (
    <Panel title={t('pub.ratings')} data-testid="dashboard-ratings">
      <Row gutter={[16, 16]}>
        {figures.map(([key, value, color]) => (
          <Col key={key} xs={8} md={6}>
            <Figure title={satisfactionLabels[key][locale]} value={value} valueStyle={{ color }} />
          </Col>
        ))}
        <Col xs={24} md={6}>
          <Figure title={t('pub.inbox')} value={ratings.opinions} />
        </Col>
      </Row>
    </Panel>
  );
}
