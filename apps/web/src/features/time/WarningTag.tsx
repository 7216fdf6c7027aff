import { Tag } from 'antd';
import { warningLevelLabels, type WarningLevel } from '@rectify/domain';
import { useLocale } from '../../i18n';

/** The three colours as text on a pale ground, dark enough to read (4.5:1 and more). */
export const warningStyle: Record<Exclude<WarningLevel, 'none'>, { color: string; background: string; border: string; bar: string }> = {
  due_soon: { color: '#135200', background: '#f6ffed', border: '#b7eb8f', bar: '#52c41a' },
  urgent: { color: '#7a4b00', background: '#fff3cf', border: '#ffd666', bar: '#faad14' },
  overdue: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e', bar: '#f5222d' },
};

/** 三色预警: green (due soon), yellow (due very soon or behind schedule), red (overdue); nothing when none. */
export function WarningTag({ level, short = false }: { level: WarningLevel | undefined; short?: boolean }) {
  const [locale] = useLocale();
  if (!level || level === 'none') return null;
  const s = warningStyle[level];
  const label = warningLevelLabels[level][locale];
  return (
    <Tag bordered style={{ color: s.color, background: s.background, borderColor: s.border, marginInlineEnd: 4 }} data-testid="warning-tag" data-level={level}>
      {short ? label.replace(/[（(].*$/, '') : label}
    </Tag>
  );
}
