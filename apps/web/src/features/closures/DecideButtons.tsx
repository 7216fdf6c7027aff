import { useState } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useApproveClosure, useRejectClosure } from './api';
import { ReasonModal } from './ReasonModal';
import { useFeedback } from '../../shared/feedback';

/** 同意销号 / 退回: the decision on one pending closure request. */
export function DecideButtons({ closureId, size }: { closureId: number; size?: 'small' | 'middle' }) {
  const t = useT();
  const { message } = useFeedback();
  const approve = useApproveClosure();
  const reject = useRejectClosure();
  const [rejecting, setRejecting] = useState(false);

  const doApprove = async () => {
    try {
      await approve.mutateAsync(closureId);
      message.success(t('closure.approved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <Space size={8} wrap>
        <Popconfirm
          title={t('closure.approveConfirm')}
          description={t('closure.approveConfirmBody')}
          okText={t('closure.approve')}
          cancelText={t('common.cancel')}
          onConfirm={() => doApprove()}
        >
          <Button type="primary" size={size} icon={<CheckOutlined />} loading={approve.isPending} data-testid="closure-approve">
            {t('closure.approve')}
          </Button>
        </Popconfirm>
        <Button danger size={size} icon={<RollbackOutlined />} onClick={() => setRejecting(true)} data-testid="closure-reject">
          {t('closure.reject')}
        </Button>
      </Space>
      <ReasonModal
        open={rejecting}
        title={t('closure.rejectTitle')}
        label={t('closure.rejectReason')}
        placeholder={t('closure.rejectPlaceholder')}
        okText={t('closure.reject')}
        danger
        testId="reject-modal"
        onClose={() => setRejecting(false)}
        onSubmit={async (reason) => {
          await reject.mutateAsync({ closureId, reason });
          message.success(t('closure.rejected'));
        }}
      />
    </>
  );
}
