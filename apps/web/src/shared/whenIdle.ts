/**
 * Runs `run` when the browser is next idle, or after `timeoutMs` at the latest (jsdom and older
 * browsers have no requestIdleCallback: then after the timeout). Returns a function that cancels it.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, timeoutMs);
  return () => window.clearTimeout(id);
}
