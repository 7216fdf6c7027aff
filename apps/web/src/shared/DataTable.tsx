import type { Key, KeyboardEvent, ReactNode } from 'react';
import { Checkbox, Empty, Spin } from 'antd';

export interface DataColumn<T> {
  key: string;
  title: ReactNode;
  /** In px; the columns without one share what is left. */
  width?: number;
  align?: 'right';
  className?: string;
  render: (row: T) => ReactNode;
}

/** Ticking rows: which are ticked, and what ticking some (one, or every row shown) does. */
export interface RowSelection<T> {
  isSelected: (row: T) => boolean;
  onChange: (rows: T[], selected: boolean) => void;
  /** The accessible name of a row's box, and of the box that ticks every row shown. */
  label: (row: T) => string;
  allLabel: string;
}

interface Props<T> {
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  size?: 'small' | 'middle';
  rowTestId?: (row: T) => string;
  /** A row that does something when clicked (or Enter on it): e.g. filters the page by it. */
  onRowClick?: (row: T) => void;
  /** The row picked by that click, drawn as such. */
  isRowActive?: (row: T) => boolean;
  selection?: RowSelection<T>;
  loading?: boolean;
  empty?: ReactNode;
}

/**
 * antd's Table for a list that only shows rows (no sorter, filter, pager or fixed column), as a
 * plain `<table>` with the same look (`.rectify-table*` in global.css). On a cold dashboard each
 * antd Table cost its render, a forced layout of the whole page as it measured the scrollbar
 * (~60 ms in all), and ~60 KB br of chunks (rc-table with the tree, menu and dropdown of its
 * filters) that no list on it uses.
 */
export function DataTable<T>({ columns, rows, rowKey, size = 'middle', rowTestId, onRowClick, isRowActive, selection, loading = false, empty }: Props<T>) {
  const ticked = selection ? rows.filter((row) => selection.isSelected(row)).length : 0;
  const allTicked = rows.length > 0 && ticked === rows.length;
  const onRowKey = (row: T) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    onRowClick?.(row);
  };
  return (
    <div className={`rectify-table-wrapper${loading ? ' rectify-table-loading' : ''}`} aria-busy={loading || undefined}>
      {loading && (
        <div className="rectify-table-spin">
          <Spin />
        </div>
      )}
      <table className={`rectify-table rectify-table-${size}`}>
        <colgroup>
          {selection && <col className="rectify-table-selection-col" />}
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {selection && (
              <th className="rectify-table-selection" scope="col">
                <Checkbox
                  aria-label={selection.allLabel}
                  checked={allTicked}
                  indeterminate={ticked > 0 && !allTicked}
                  disabled={rows.length === 0}
                  onChange={(e) => selection.onChange([...rows], e.target.checked)}
                />
              </th>
            )}
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cellClass(c)}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="rectify-table-empty">
              <td colSpan={columns.length + (selection ? 1 : 0)}>{empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</td>
            </tr>
          ) : (
            rows.map((row) => {
              const selected = selection?.isSelected(row) ?? false;
              const classes = ['rectify-table-row', selected ? 'rectify-table-row-selected' : '', onRowClick ? 'rectify-clickable-row' : '', isRowActive?.(row) ? 'rectify-selected' : ''];
              return (
                <tr
                  key={rowKey(row)}
                  className={classes.filter(Boolean).join(' ')}
                  data-testid={rowTestId?.(row)}
                  onClick={onRowClick && (() => onRowClick(row))}
                  onKeyDown={onRowClick && onRowKey(row)}
                  tabIndex={onRowClick ? 0 : undefined}
                >
                  {selection && (
                    <td className="rectify-table-selection" onClick={(e) => e.stopPropagation()}>
                      <Checkbox aria-label={selection.label(row)} checked={selected} onChange={(e) => selection.onChange([row], e.target.checked)} />
                    </td>
                  )}
                  {columns.map((c) => (
                    <td key={c.key} className={cellClass(c)}>
                      {c.render(row)}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}

const cellClass = (c: Pick<DataColumn<never>, 'align' | 'className'>): string | undefined =>
  [c.align ? `rectify-table-align-${c.align}` : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
