import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FollowUp } from '@rectify/domain';
import { useT } from '../../i18n';
import { FOLLOW_UP_STATE_COLOR } from './labels';

/** One review in a list (`<ul className="rectify-rows">`): its day, state, reviewer, scope and results (the dashboard shows the same rows). */
export function FollowUpRow({ review }: { review: FollowUp }) {
  const t = useT();
  return (
    <li className="rectify-row" data-testid="follow-up-row" data-state={review.state} data-id={review.id}>
      <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
        <Space wrap size={4}>
          <Typography.Text strong>{review.scheduledOn}</Typography.Text>
          <Tag color={FOLLOW_UP_STATE_COLOR[review.state]}>{t(`followUps.state.${review.state}`)}</Tag>
          <Typography.Text type="secondary">
            {t('followUps.reviewer')}：{review.reviewer?.name ?? t('followUps.noReviewer')}
          </Typography.Text>
        </Space>
        <Typography.Text>
          {t(`followUps.scope.${review.scope}`)}
          {review.categories.length > 0 && `：${review.categories.map((c) => c.title).join('、')}`}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="follow-up-counts">
          {t('followUps.counts', { total: review.counts.total, held: review.counts.held, slid: review.counts.slid, pending: review.counts.pending })}
        </Typography.Text>
      </Space>
      <Link className="rectify-row-action" to={`/follow-ups/${review.id}`}>
        {t('followUps.open')}
      </Link>
    </li>
  );
}
