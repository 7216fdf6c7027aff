import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** The round the user is looking at, so the header menu can link to its dashboard and tree. */
const CurrentRoundContext = createContext<{ roundId: number | null; setRoundId: (id: number | null) => void }>({
  roundId: null,
  setRoundId: () => {},
});

export function CurrentRoundProvider({ children }: { children: ReactNode }) {
  const [roundId, setRoundId] = useState<number | null>(null);
  return <CurrentRoundContext.Provider value={{ roundId, setRoundId }}>{children}</CurrentRoundContext.Provider>;
}

export const useCurrentRoundId = () => useContext(CurrentRoundContext).roundId;

/** Pages call this with the round they show. */
export function useSetCurrentRound(id: number | null | undefined) {
  const { setRoundId } = useContext(CurrentRoundContext);
  useEffect(() => {
    if (id) setRoundId(id);
  }, [id, setRoundId]);
}
