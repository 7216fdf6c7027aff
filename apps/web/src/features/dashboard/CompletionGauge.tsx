import { useId } from 'react';

/** The dashboard gauge's geometry, as antd's `<Progress type="dashboard">` draws it (viewBox 100). */
const STROKE = 6;
const RADIUS = 50 - STROKE / 2;
const GAP_DEGREES = 75;
const PERIMETER = 2 * Math.PI * RADIUS;
const ARC = PERIMETER * ((360 - GAP_DEGREES) / 360);
/** The arc starts at the gap's left edge, at the bottom: a quarter turn plus half the gap. */
const ROTATION = 90 + GAP_DEGREES / 2;

/**
 * 整改完成率 as antd's dashboard Progress draws it — the same arc, gap, gradient and text — as a
 * plain SVG: antd's Progress brought its Tooltip (~32 KB gz) onto the dashboard's first screen.
 * The gradient follows the arc (a conic gradient under a mask of the arc), as antd's does.
 */
export function CompletionGauge({ percent, size, from, to, label }: { percent: number; size: number; from: string; to: string; label: string }) {
  const maskId = `${useId()}-gauge`;
  const shown = Math.min(100, Math.max(0, percent));
  const arcStyle = { strokeDasharray: `${ARC}px, ${PERIMETER}`, transform: `rotate(${ROTATION}deg)`, transformOrigin: '50px 50px', fillOpacity: 0 };
  return (
    <div className="rectify-gauge" role="progressbar" aria-valuenow={Math.trunc(shown)} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div className="rectify-gauge-inner" style={{ width: size, height: size, fontSize: size * 0.15 + 6 }}>
        <svg viewBox="0 0 100 100" role="presentation">
          <circle className="rectify-gauge-trail" r={RADIUS} cx={50} cy={50} strokeWidth={STROKE} style={{ ...arcStyle, strokeDashoffset: 0 }} />
          <mask id={maskId}>
            <circle r={RADIUS} cx={50} cy={50} stroke="#FFF" strokeWidth={STROKE} style={{ ...arcStyle, strokeDashoffset: ARC * (1 - shown / 100) }} />
          </mask>
          <foreignObject x={0} y={0} width={100} height={100} mask={`url(#${maskId})`}>
            <div style={{ width: '100%', height: '100%', background: `conic-gradient(from ${ROTATION + 90}deg, ${from} 0%, ${to} ${Math.round(((360 - GAP_DEGREES) / 360) * 100)}%)` }} />
          </foreignObject>
        </svg>
        <span className="rectify-gauge-text">
          <span className="rectify-gauge-value">{`${shown}%`}</span>
        </span>
      </div>
    </div>
  );
}
