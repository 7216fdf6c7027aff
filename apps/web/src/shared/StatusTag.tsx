import { Tag } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import type { MeasureStatus } from '@rectify/domain';
import { useLocale, useT } from '../i18n';
import { statusColor, statusLabel } from './labels';

export function StatusTag({ status }: { status: MeasureStatus }) {
  const [locale] = useLocale();
  return (
    <Tag color={statusColor[status]} data-status={status} style={{ marginInlineEnd: 4 }}>
      {statusLabel(status, locale)}
    </Tag>
  );
}

/** The red flag of an overdue measure, with its days past the deadline. */
export function OverdueTag({ days, testId = 'overdue-flag' }: { days: number; testId?: string }) {
  const t = useT();
  return (
    <Tag color="red" icon={<ExclamationCircleFilled />} data-testid={testId} style={{ marginInlineEnd: 4 }}>
      {t('dashboard.daysOverdue', { n: days })}
    </Tag>
  );
}
