/**
 * antd's small line Progress with its percentage, as plain markup (`.rectify-rate*` in global.css):
 * the category table draws one per row, and each antd Progress cost the first render its style
 * hooks and a dozen elements.
 */
export function RateBar({ percent, color, label }: { percent: number; color: string; label: string }) {
  const value = Math.min(100, Math.max(0, Math.round(percent)));
  return (
    <div className="rectify-rate" role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100}>
      <div className="rectify-rate-trail">
        <div className="rectify-rate-bar" style={{ width: `${value}%`, background: color }} />
      </div>
      <span className="rectify-rate-text">{value}%</span>
    </div>
  );
}
