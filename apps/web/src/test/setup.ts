import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// antd pages can take more than the default second to render on a loaded 2-core CI machine:
// findBy/waitFor wait longer rather than fail on speed.
configure({ asyncUtilTimeout: 10_000 });

// The DOM stubs, for the tests that run in jsdom (a test may ask for plain node instead).
if (typeof window !== 'undefined') {
  // antd's responsive grid and some components query media; jsdom has no matchMedia.
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }

  // recharts' ResponsiveContainer and antd observe sizes.
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
    Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  }

  // antd reads scrollbar sizes through getComputedStyle with a pseudo element, which jsdom rejects.
  const originalGetComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (elt: Element) => originalGetComputedStyle(elt);

  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}

afterEach(() => {
  vi.unstubAllGlobals();
  if (typeof window === 'undefined') return;
  cleanup();
  localStorage.clear();
});
