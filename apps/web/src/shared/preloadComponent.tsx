import { useEffect, useReducer, type ComponentType, type ReactNode } from 'react';

type Loaded<P> = { component: ComponentType<P> } | { error: unknown };

/**
 * A component in its own chunk, requested when this is called (at the top of a page's module: as
 * the page starts, beside its data requests), not when it first renders, which would wait for the
 * data first. Until the chunk is here `fallback` holds its place; once it is, the component renders
 * at once. (React.lazy would suspend once even on a chunk already loaded, and React then holds the
 * content back up to 300 ms behind the fallback it showed.) A chunk that fails to load throws on
 * render, to the route's error boundary, as React.lazy would.
 */
export function preloadComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P & { fallback: ReactNode }> {
  let loaded: Loaded<P> | null = null;
  const request = load().then(
    (component) => {
      loaded = { component };
    },
    (error: unknown) => {
      loaded = { error };
    },
  );
  return function Preloaded({ fallback, ...props }: P & { fallback: ReactNode }) {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    // Whether this render drew the fallback: the chunk may come between the render and the effect,
    // and the effect must then still draw it.
    const waiting = loaded === null;
    useEffect(() => {
      if (waiting) void request.then(rerender);
    }, [waiting]);
    if (!loaded) return fallback;
    if ('error' in loaded) throw loaded.error;
    const Component = loaded.component;
    return <Component {...(props as P)} />;
  };
}
