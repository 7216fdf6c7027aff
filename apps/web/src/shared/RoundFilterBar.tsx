import { Select, Space } from 'antd';
import type { SetURLSearchParams } from 'react-router';
import { useT } from '../i18n';

/**
 * The round filters the dashboard and the timeline share, kept in the URL under the same names
 * (`?category=&leader=&department=&level=`), so a view moves between the two pages as it is.
 */
export const ROUND_FILTER_KINDS = ['category', 'leader', 'department'] as const;
export type RoundFilterKind = (typeof ROUND_FILTER_KINDS)[number];
const LEVELS = ['overdue', 'urgent', 'due_soon'] as const;

/** The shared filters of a URL, as a query string to carry to the other page ('' when none). */
export function roundFilterSearch(params: URLSearchParams, kinds: readonly string[] = [...ROUND_FILTER_KINDS, 'level']): string {
  const out = new URLSearchParams();
  for (const k of kinds) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

export interface FilterOption {
  id: number;
  name: string;
}

/**
 * Visible controls for the shared filters: a select per kind with the options given, and the
 * warning level when `level` is on. `single`: one kind at a time (the dashboard's list filters by
 * one), choosing one clears the others.
 */
export function RoundFilterBar({
  options,
  params,
  setParams,
  level = false,
  single = false,
}: {
  options: Record<RoundFilterKind, FilterOption[]>;
  params: URLSearchParams;
  setParams: SetURLSearchParams;
  level?: boolean;
  single?: boolean;
}) {
  const t = useT();
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (single && ROUND_FILTER_KINDS.includes(key as RoundFilterKind)) ROUND_FILTER_KINDS.forEach((k) => next.delete(k));
    if (value === null || value === undefined || value === '' || value === 'all') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const current = (key: string) => {
    const v = Number(params.get(key));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  return (
    <Space wrap size={8} data-testid="round-filters">
      {ROUND_FILTER_KINDS.map((kind) => (
        <Select<number>
          key={kind}
          allowClear
          showSearch
          optionFilterProp="label"
          value={current(kind)}
          placeholder={t(`filters.${kind}`)}
          aria-label={t(`filters.${kind}`)}
          data-testid={`filter-${kind}`}
          style={{ minWidth: 160, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          onChange={(v) => set(kind, v)}
          options={options[kind].map((o) => ({ value: o.id, label: o.name }))}
        />
      ))}
      {level && (
        <Select<string>
          value={params.get('level') ?? 'all'}
          style={{ minWidth: 190, maxWidth: '100%' }}
          aria-label={t('timeline.level')}
          data-testid="timeline-level"
          onChange={(v) => set('level', v)}
          options={[{ value: 'all', label: t('filters.level') }, ...LEVELS.map((l) => ({ value: l, label: t(`time.level.${l}`) }))]}
        />
      )}
    </Space>
  );
}
