import { Grid } from 'antd';

/**
 * How much room the page has, from antd's breakpoints: `phone` below 768 px (card lists,
 * full-screen dialogs), `narrow` below 992 px (the menu goes into a drawer).
 */
export function useScreen(): { phone: boolean; narrow: boolean } {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a wide screen.
  const measured = Object.keys(screens).length > 0;
  return { phone: measured && !screens.md, narrow: measured && !screens.lg };
}

/** A touch screen (phone, tablet): offer the camera as well as the file picker. */
export function useTouch(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}
