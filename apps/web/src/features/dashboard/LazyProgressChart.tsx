import { lazy, startTransition, Suspense, useEffect, useState, type ComponentProps } from 'react';
import { Skeleton } from 'antd';
import { whenIdle } from '../../shared/whenIdle';

const loadChart = () => import('./ProgressChart').then((m) => ({ default: m.ProgressChart }));
const ProgressChart = lazy(loadChart);

// Once a chart has been drawn its code is here: later ones (another round, back to the page) draw at once.
let chartsDrawn = false;

/**
 * The progress chart in its own chunk: recharts is ~120 KB gzipped, more than the rest of the
 * dashboard page. Its code downloads as the chart mounts, but the chart is drawn only when the
 * browser is next idle (within 2 s), as a transition: recharts' ~200 ms of drawing then waits for
 * the figures and the measure list instead of holding them up on a cold load.
 */
export function LazyProgressChart(props: ComponentProps<typeof ProgressChart>) {
  const [draw, setDraw] = useState(chartsDrawn);
  useEffect(() => {
    if (draw) return;
    void loadChart().catch(() => {}); // a failure shows when the chart renders, through lazy
    return whenIdle(() => {
      chartsDrawn = true;
      startTransition(() => setDraw(true));
    }, 2000);
  }, [draw]);
  const placeholder = <Skeleton active paragraph={{ rows: 4 }} data-testid={`${props.testId}-loading`} />;
  if (!draw) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ProgressChart {...props} />
    </Suspense>
  );
}
