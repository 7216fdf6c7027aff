import { useState } from 'react';
import { Button, Checkbox, Input, Select, Space } from 'antd';
import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import { MEASURE_STATUSES, measureStatusLabels, type MeasureStatus } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { LIST_SORTS, type ListControls } from './measureListControls';

/** Search, status, overdue and sort of the dashboard's measure list. */
/**
 * `onChange` gets an update of the controls as they are when it runs, not as they were rendered:
 * two quick clicks (sort, then direction) must not undo each other.
 */
export function MeasureListControls({ controls, onChange }: { controls: ListControls; onChange: (update: (current: ListControls) => ListControls) => void }) {
  const t = useT();
  const [locale] = useLocale();
  // The box holds what is typed; the list follows on Enter or the search button.
  const [typed, setTyped] = useState(controls.filters.q ?? '');
  const set = (filters: Partial<ListControls['filters']>) =>
    onChange((current) => {
      const merged = { ...current.filters, ...filters };
      const next = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
      return { ...current, filters: next };
    });
  return (
    <Space wrap size={8} style={{ padding: '12px 16px 0' }} data-testid="measure-list-controls">
      <Input.Search
        allowClear
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        placeholder={t('list.search')}
        aria-label={t('list.search')}
        style={{ width: 260, maxWidth: '100%' }}
        data-testid="list-search"
      />
      <Select<MeasureStatus[]>
        mode="multiple"
        allowClear
        value={controls.filters.status ?? []}
        onChange={(status) => set({ status })}
        placeholder={t('list.status')}
        aria-label={t('list.status')}
        style={{ minWidth: 180 }}
        maxTagCount="responsive"
        options={MEASURE_STATUSES.map((s) => ({ value: s, label: measureStatusLabels[s][locale] }))}
        data-testid="list-status"
      />
      <Checkbox checked={controls.filters.overdue === true} onChange={(e) => set({ overdue: e.target.checked ? true : undefined })} data-testid="list-overdue">
        {t('list.overdueOnly')}
      </Checkbox>
      <Space.Compact>
        <Select
          value={controls.sort}
          onChange={(sort) => onChange((current) => ({ ...current, sort }))}
          aria-label={t('list.sort')}
          style={{ width: 150 }}
          options={LIST_SORTS.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
          data-testid="list-sort"
        />
        <Button
          aria-label={controls.direction === 'asc' ? t('list.ascending') : t('list.descending')}
          title={controls.direction === 'asc' ? t('list.ascending') : t('list.descending')}
          icon={controls.direction === 'asc' ? <SortAscendingOutlined /> : <SortDescendingOutlined />}
          onClick={() => onChange((current) => ({ ...current, direction: current.direction === 'asc' ? 'desc' : 'asc' }))}
          data-testid="list-direction"
        />
      </Space.Compact>
    </Space>
  );
}
