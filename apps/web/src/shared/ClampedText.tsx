import type { CSSProperties, ReactNode } from 'react';

/**
 * Text cut to `rows` lines by CSS (line-clamp), with its whole text as the hover title. antd's
 * Typography `ellipsis` measures every element in JavaScript to know whether it was cut: on the
 * dashboard of a 1,000-measure round its ~70 measurements were the largest single cost of the
 * first render (467 ms of 3.9 s of script, profiled on a loaded machine). The full text stays in
 * the page, so screen readers and printing read all of it.
 */
export function ClampedText({ rows, title, style, children }: { rows: number; title?: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <div className="rectify-clamp" title={title} style={{ WebkitLineClamp: rows, ...style }}>
      {children}
    </div>
  );
}
