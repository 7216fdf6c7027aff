import { lazy, Suspense, useState } from 'react';
import type { BulkEditProps } from './BulkEditModal';

const BulkEditModal = lazy(() => import('./BulkEditModal').then((m) => ({ default: m.BulkEditModal })));

/**
 * 批量设置, loaded the first time it opens (its form, date picker and pickers are ~65 KB gzipped
 * that the dashboard and the tree need only then), and kept mounted after, so it closes animated.
 */
export function LazyBulkEditModal(props: BulkEditProps) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <BulkEditModal {...props} />
    </Suspense>
  );
}
