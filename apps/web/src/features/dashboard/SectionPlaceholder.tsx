import { Panel } from '../../shared/Panel';
import { useScreen } from '../../shared/useScreen';

/**
 * The height each section below the first screen has with the demo round, phone and wide screen:
 * its placeholder takes that much room, so the page does not jump when it comes.
 */
const HEIGHTS = {
  overdue: { phone: 228, wide: 180 },
  category: { phone: 840, wide: 383 },
  owners: { phone: 756, wide: 427 },
  list: { phone: 3760, wide: 1630 },
} as const;

/** A title line and three text lines, as antd's Skeleton draws them (`.rectify-placeholder-line`). */
const LINES = ['38%', '100%', '100%', '61%'];

/** A dashboard section's place while its chunk is still on the way (rarely seen: it comes with the data). */
export function SectionPlaceholder({ section }: { section: keyof typeof HEIGHTS }) {
  const { phone } = useScreen();
  return (
    <Panel style={{ height: HEIGHTS[section][phone ? 'phone' : 'wide'], overflow: 'hidden' }} data-testid={`dashboard-${section}-loading`}>
      <div aria-hidden="true">
        {LINES.map((width, i) => (
          <div key={i} className={i === 0 ? 'rectify-placeholder-line rectify-placeholder-title' : 'rectify-placeholder-line'} style={{ width }} />
        ))}
      </div>
    </Panel>
  );
}
