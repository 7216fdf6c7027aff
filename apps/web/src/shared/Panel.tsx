import type { CSSProperties, ReactNode } from 'react';

/**
 * antd's Card, as plain markup with the same look (`.rectify-panel*` in global.css): the first
 * screen of the dashboard is made of these, and antd's Card with its style engine cost the entry
 * chunk ~10 KB gz and a style pass per card; its sections below are too (antd's Card brings its
 * tabs, ~46 KB of chunks the dashboard has no use for). Pages further in keep antd's Card.
 */
export function Panel({
  title,
  extra,
  hoverable = false,
  className,
  style,
  headStyle,
  bodyStyle,
  children,
  'data-testid': testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  hoverable?: boolean;
  className?: string;
  style?: CSSProperties;
  headStyle?: CSSProperties;
  bodyStyle?: CSSProperties;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const classes = ['rectify-panel', hoverable ? 'rectify-panel-hoverable' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} style={style} data-testid={testId}>
      {(title || extra) && (
        <div className="rectify-panel-head" style={headStyle}>
          <div className="rectify-panel-head-wrapper">
            {title && <div className="rectify-panel-title">{title}</div>}
            {extra && <div className="rectify-panel-extra">{extra}</div>}
          </div>
        </div>
      )}
      <div className="rectify-panel-body" style={bodyStyle}>
        {children}
      </div>
    </div>
  );
}
