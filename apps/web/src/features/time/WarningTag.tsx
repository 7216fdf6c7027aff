import { Tag } from 'antd';
import { warningLevelLabels, type WarningLevel } from '@rectify/domain';
import { useLocale } from '../../i18n';
import { warningStyle } from './warningStyle';

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
