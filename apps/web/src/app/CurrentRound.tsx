import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useCurrentRound } from '../api/hooks';

/** The round the user is looking at, so the header menu can link to its dashboard and tree. */
const CurrentRoundContext = createContext<{ roundId: number | null; setRoundId: (id: number | null) => void }>({
  roundId: null,
  setRoundId: () => {},
});

export function CurrentRoundProvider({ children }: { children: ReactNode }) {
  const [roundId, setRoundId] = useState<number | null>(null);
  return <CurrentRoundContext.Provider value={{ roundId, setRoundId }}>{children}</CurrentRoundContext.Provider>;
}

/** The round last looked at; before any, the current round (so the menu reaches its pages at once). */
export function useCurrentRoundId(): number | null {
  const chosen = useContext(CurrentRoundContext).roundId;
  const current = useCurrentRound();
  return chosen ?? current.data?.round?.id ?? null;
}

/** Pages call this with the round they show. */
export function useSetCurrentRound(id: number | null | undefined) {
  const { setRoundId } = useContext(CurrentRoundContext);
  useEffect(() => {
    if (id) setRoundId(id);
  }, [id, setRoundId]);
}
