import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Figure } from './Figure';

describe('Figure', () => {
  it('groups a number by thousands, as antd’s Statistic does, and shows text as it is', () => {
    const { container, rerender } = render(<Figure title="整改措施" value={12345} suffix="项" />);
    expect(container.querySelector('.rectify-figure-value')?.textContent).toBe('12,345');
    expect(container.querySelector('.rectify-figure-suffix')?.textContent).toBe('项');
    rerender(<Figure title="制度" value="无" />);
    expect(container.querySelector('.rectify-figure-value')?.textContent).toBe('无');
    expect(container.querySelector('.rectify-figure-suffix')).toBeNull();
  });
});
