import { formatDateTime } from '@rectify/domain';
import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { MeasureDetail, UserRef } from '@rectify/domain';
import { useT } from '../../i18n';
import { useReopenMeasure } from '../closures/api';
import { DecideButtons } from '../closures/DecideButtons';
import { ReasonModal } from '../closures/ReasonModal';
import { useFeedback } from '../../shared/feedback';

const who = (u: UserRef | null) => (u ? (u.name ?? u.username) : '—');
const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/**
 * The closure state of a measure, prominently: waiting for a decision (with the decision buttons for
 * those who may decide), rejected with its reason, closed and locked (with reopen for the office),
 * or reopened with its reason.
 */
export function ClosureBanner({ measure: m }: { measure: MeasureDetail }) {
  const t = useT();
  const { message } = useFeedback();
  const reopen = useReopenMeasure();
  const [reopening, setReopening] = useState(false);
  const c = m.latestClosure ?? null;
  const { locked, myAccess: access } = m;

  const reopenButton =
    locked && access?.reopen ? (
      <Button icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid="measure-reopen">
        {t('closure.reopen')}
      </Button>
    ) : null;

  let banner: React.ReactNode = null;
  if (c?.state === 'pending') {
    banner = (
      <Alert
        type="warning"
        showIcon
        data-testid="closure-pending"
        message={t('closure.pendingTitle')}
        description={
          <div>
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text strong>{t('closure.summary')}：</Typography.Text>
              {c.summary}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('closure.requestedBy', { name: who(c.requestedBy), at: when(c.requestedAt) })}
            </Typography.Text>
          </div>
        }
        action={access?.decideClosure ? <DecideButtons closureId={c.id} /> : undefined}
      />
    );
  } else if (c?.state === 'rejected') {
    banner = (
      <Alert
        type="error"
        showIcon
        data-testid="closure-rejected"
        message={t('closure.rejectedTitle')}
        description={
          <div>
            <div style={{ fontSize: 15, whiteSpace: 'pre-wrap' }} data-testid="closure-reason">
              <Typography.Text strong>{t('closure.reasonLabel')}：</Typography.Text>
              {c.reason}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('closure.decidedBy', { name: who(c.decidedBy), at: when(c.decidedAt) })}
              {access?.progress ? ` · ${t('closure.rejectedNext')}` : ''}
            </Typography.Text>
          </div>
        }
      />
    );
  } else if (locked) {
    banner = (
      <Alert
        type="success"
        showIcon
        icon={<LockOutlined />}
        data-testid="measure-locked"
        message={t('closure.lockedTitle')}
        description={
          <div>
            {c?.state === 'approved' && (
              <div>{t('closure.approvedBy', { name: who(c.decidedBy), at: when(c.decidedAt) })}</div>
            )}
            <Typography.Text type="secondary">{t('closure.lockedNote')}</Typography.Text>
          </div>
        }
        action={reopenButton}
      />
    );
  } else if (c?.state === 'reopened') {
    banner = (
      <Alert
        type="info"
        showIcon
        data-testid="closure-reopened"
        message={t('closure.reopenedTitle')}
        description={
          <div>
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text strong>{t('closure.reasonLabel')}：</Typography.Text>
              {c.reopenReason}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('closure.reopenedBy', { name: who(c.reopenedBy), at: when(c.reopenedAt) })}
            </Typography.Text>
          </div>
        }
      />
    );
  }

  return (
    <>
      {banner && <Space direction="vertical" style={{ width: '100%' }}>{banner}</Space>}
      <ReasonModal
        open={reopening}
        title={t('closure.reopenTitle')}
        label={t('closure.reopenReason')}
        placeholder={t('closure.reopenPlaceholder')}
        okText={t('closure.reopen')}
        testId="reopen-modal"
        onClose={() => setReopening(false)}
        onSubmit={async (reason) => {
          await reopen.mutateAsync({ measureId: m.id, reason });
          message.success(t('closure.reopened'));
        }}
      />
    </>
  );
}
