import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { whenIdle } from './whenIdle';

export type MessageKind = 'success' | 'error' | 'info' | 'warning';

export interface NotificationArgs {
  message: ReactNode;
  description?: ReactNode;
  /** Seconds; antd's default (4.5) when left out. */
  duration?: number;
}

/** A short notice (message) or a longer one with a title (notification), as the host shows it. */
export type FeedbackCall =
  | { to: 'message'; kind: MessageKind; content: ReactNode }
  | { to: 'notification'; kind: 'error'; args: NotificationArgs };

export type ShowFeedback = (call: FeedbackCall) => void;

export interface Feedback {
  message: Record<MessageKind, (content: ReactNode) => void>;
  notification: { error: (args: NotificationArgs) => void };
}

const FeedbackContext = createContext<Feedback | null>(null);

// antd's message and notification (and, through antd's App, its Modal) are ~36 KB gz that no page
// needs to draw its first screen: they load in their own chunk at the first notice, or once the
// page has had time to settle (a cold dashboard is drawn within ~2 s) and the browser is idle.
const FeedbackHost = lazy(() => import('./FeedbackHost'));
const SETTLE_MS = 3000;
const IDLE_TIMEOUT_MS = 1500;

/**
 * Success and error notices for the whole app. The functions are stable; a notice given before the
 * host has loaded waits in order and is shown as soon as it has.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const show = useRef<ShowFeedback | null>(null);
  const waiting = useRef<FeedbackCall[]>([]);
  const [hostWanted, setHostWanted] = useState(false);

  useEffect(() => {
    if (hostWanted) return;
    let cancelIdle = () => {};
    const settled = window.setTimeout(() => {
      cancelIdle = whenIdle(() => setHostWanted(true), IDLE_TIMEOUT_MS);
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(settled);
      cancelIdle();
    };
  }, [hostWanted]);

  const onHostReady = useCallback((ready: ShowFeedback | null) => {
    show.current = ready;
    if (!ready) return;
    const calls = waiting.current;
    waiting.current = [];
    calls.forEach(ready);
  }, []);

  const feedback = useMemo<Feedback>(() => {
    const send = (call: FeedbackCall) => {
      if (show.current) return show.current(call);
      waiting.current.push(call);
      setHostWanted(true);
    };
    const notice = (kind: MessageKind) => (content: ReactNode) => send({ to: 'message', kind, content });
    return {
      message: { success: notice('success'), error: notice('error'), info: notice('info'), warning: notice('warning') },
      notification: { error: (args) => send({ to: 'notification', kind: 'error', args }) },
    };
  }, []);

  return (
    <FeedbackContext.Provider value={feedback}>
      {children}
      {hostWanted && (
        <Suspense fallback={null}>
          <FeedbackHost onReady={onHostReady} />
        </Suspense>
      )}
    </FeedbackContext.Provider>
  );
}

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback() outside <FeedbackProvider>');
  return feedback;
}
