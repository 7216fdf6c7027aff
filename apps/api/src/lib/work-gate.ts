import { AppError } from './errors.js';

/**
 * A small semaphore for memory-heavy work (parsing an uploaded .xlsx or .docx): at most
 * `concurrent` run at once, up to `queued` more wait their turn, and anything beyond is refused
 * with 503 SERVER_BUSY and Retry-After, so a burst of imports cannot add up to unbounded memory.
 */
export interface WorkGate {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createWorkGate({ concurrent = 2, queued = 4, retryAfterSeconds = 5 } = {}): WorkGate {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    async run(work) {
      if (active >= concurrent) {
        if (waiting.length >= queued) {
          throw new AppError(503, 'SERVER_BUSY', { retryAfterSeconds }, undefined, { 'retry-after': String(retryAfterSeconds) });
        }
        await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over by release()
      } else {
        active++;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
