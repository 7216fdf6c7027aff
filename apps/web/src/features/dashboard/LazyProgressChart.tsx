import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from 'antd';

const ProgressChart = lazy(() => import('./ProgressChart').then((m) => ({ default: m.ProgressChart })));

/**
 * The progress chart in its own chunk: recharts is ~120 KB gzipped, more than the rest of the
 * dashboard page, so the figures and the measure list render first and the charts follow.
 */
export function LazyProgressChart(props: ComponentProps<typeof ProgressChart>) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} data-testid={`${props.testId}-loading`} />}>
      <ProgressChart {...props} />
    </Suspense>
  );
}
