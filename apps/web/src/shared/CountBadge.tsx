/**
 * A small count (antd's `Badge size="small"` look: a 14 px pill, 8 px either side once it has more
 * than one character) drawn by global.css. The header shows one on every page, and antd's Badge
 * brings its scroll-number animation and status styles into the first chunk for it.
 */
export function CountBadge({ count, color, title, testId }: { count: number | string; color: string; title?: string; testId?: string }) {
  // antd's default overflow: at most 99, then "99+".
  const text = typeof count === 'number' && count > 99 ? '99+' : String(count);
  return (
    <sup className={text.length > 1 ? 'rectify-count rectify-count-wide' : 'rectify-count'} style={{ background: color }} title={title} data-testid={testId}>
      {text}
    </sup>
  );
}
