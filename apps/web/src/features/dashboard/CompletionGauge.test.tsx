import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CompletionGauge } from './CompletionGauge';

const props = { size: 150, from: '#3b7dd8', to: '#3f9c35', label: '整改完成率' };
const arcOffset = (container: HTMLElement) => Number.parseFloat((container.querySelector('mask circle') as SVGElement).style.strokeDashoffset);

describe('CompletionGauge', () => {
  it('names itself and says its value to assistive technology', () => {
    render(<CompletionGauge percent={97.9} {...props} />);
    const bar = screen.getByRole('progressbar', { name: '整改完成率' });
    expect(bar.getAttribute('aria-valuenow')).toBe('97');
    expect(bar.textContent).toBe('97.9%');
  });

  it('draws the arc in proportion: none at 0 %, all of it at 100 %, as antd does at 97.9 %', () => {
    const arc = 2 * Math.PI * 47 * (285 / 360);
    expect(arcOffset(render(<CompletionGauge percent={0} {...props} />).container)).toBeCloseTo(arc, 3);
    expect(arcOffset(render(<CompletionGauge percent={100} {...props} />).container)).toBeCloseTo(0, 3);
    // antd's own gauge at 97.9 % had stroke-dashoffset 4.90952 (read off the page it replaced).
    expect(arcOffset(render(<CompletionGauge percent={97.9} {...props} />).container)).toBeCloseTo(4.90952, 4);
  });

  it('keeps a value out of range on the arc', () => {
    const { container } = render(<CompletionGauge percent={140} {...props} />);
    expect(arcOffset(container)).toBeCloseTo(0, 3);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });
});
