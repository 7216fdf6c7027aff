import type { CSSProperties, ReactNode } from 'react';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * antd's Statistic — a title over a large figure — as plain markup (`.rectify-figure*` in
 * global.css), numbers grouped by thousands as antd's are. The dashboard shows about twenty of
 * them on its first screen, and each antd Statistic ran its style hooks and brought antd's
 * Skeleton in for a loading state the dashboard never uses.
 */
export function Figure({ title, value, suffix, valueStyle }: { title: ReactNode; value: number | string; suffix?: ReactNode; valueStyle?: CSSProperties }) {
  return (
    <div className="rectify-figure">
      <div className="rectify-figure-title">{title}</div>
      <div className="rectify-figure-content" style={valueStyle}>
        <span className="rectify-figure-value">{typeof value === 'number' ? grouped.format(value) : value}</span>
        {suffix && <span className="rectify-figure-suffix">{suffix}</span>}
      </div>
    </div>
  );
}
