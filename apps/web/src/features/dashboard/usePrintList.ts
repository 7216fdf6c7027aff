import { useEffect, useState } from 'react';
import { useRoundTree } from '../../api/hooks';

/**
 * Paper: every measure in full comes from the round's tree, loaded only when printing is asked for
 * (the print button, or the browser's own print command), then printed once it has rendered.
 */
export function usePrintList(roundId: number) {
  const [wanted, setWanted] = useState(false);
  const [now, setNow] = useState(false);
  const tree = useRoundTree(roundId, wanted);
  useEffect(() => {
    const onBeforePrint = () => setWanted(true);
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);
  useEffect(() => {
    if (now && tree.data) {
      setNow(false);
      // After the full list has rendered.
      requestAnimationFrame(() => window.print());
    }
  }, [now, tree.data]);
  return {
    tree: tree.data,
    printing: now && tree.isFetching,
    print: () => {
      setWanted(true);
      setNow(true);
    },
  };
}
