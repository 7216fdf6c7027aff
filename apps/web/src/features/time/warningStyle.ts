import type { WarningLevel } from '@rectify/domain';

/**
 * The three colours as text on a pale ground, dark enough to read (4.5:1 and more). Apart from
 * WarningTag so the dashboard's figures and the timeline take the colours without antd's Tag.
 */
export const warningStyle: Record<Exclude<WarningLevel, 'none'>, { color: string; background: string; border: string; bar: string }> = {
  due_soon: { color: '#135200', background: '#f6ffed', border: '#b7eb8f', bar: '#52c41a' },
  urgent: { color: '#7a4b00', background: '#fff3cf', border: '#ffd666', bar: '#faad14' },
  overdue: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e', bar: '#f5222d' },
};
