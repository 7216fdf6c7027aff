import { subsectionNumber, type RoundSummary } from '@rectify/domain';
import type { TFunction } from '../../i18n';
import { categoryLabel, shortTitle } from '../../shared/labels';
import type { ChartRow } from './ProgressChart';

/** The summary's buckets as chart rows; the dashboard and the share page draw the same charts. */
export function chartRows(summary: RoundSummary, t: TFunction) {
  const category: ChartRow[] = summary.byCategory.map((c) => ({
    key: `c${c.categoryId}`,
    id: c.categoryId,
    label: `${subsectionNumber(c.ordinal)}${shortTitle(c.title, 9)}`,
    name: categoryLabel(c),
    counts: c,
  }));
  const leader: ChartRow[] = summary.byLeader.map((l) => ({
    key: `l${l.leaderId ?? 'none'}`,
    id: l.leaderId,
    label: l.leaderId === null ? t('common.unassigned') : l.name,
    name: l.leaderId === null ? t('common.unassigned') : l.name,
    counts: l,
  }));
  const department: ChartRow[] = summary.byDepartment.map((d) => ({
    key: `d${d.departmentId ?? 'none'}`,
    id: d.departmentId,
    label: d.departmentId === null ? t('common.unassigned') : d.name,
    name: d.departmentId === null ? t('common.unassigned') : d.name,
    counts: d,
  }));
  return { category, leader, department };
}
