import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { Providers } from '../app/Providers';
import { useFeedback } from './feedback';

function Notices() {
  const { message, notification } = useFeedback();
  return (
    <>
      <button
        type="button"
        onClick={() => {
          message.success('第一条');
          message.error('第二条');
        }}
      >
        two messages
      </button>
      <button type="button" onClick={() => notification.error({ message: '删除不了', description: '第一方面' })}>
        notification
      </button>
    </>
  );
}

describe('useFeedback', () => {
  it('shows notices given before the host has loaded, each of them, once it has', async () => {
    render(
      <Providers>
        <Notices />
      </Providers>,
    );
    // The host waits for an idle moment (up to 1.5 s): this click comes first.
    fireEvent.click(screen.getByText('two messages'));
    expect(await screen.findByText('第一条')).toBeTruthy();
    expect(await screen.findByText('第二条')).toBeTruthy();
    expect(screen.getAllByText('第一条')).toHaveLength(1);
  });

  it('shows a notification with its title and description once the host is there', async () => {
    render(
      <Providers>
        <Notices />
      </Providers>,
    );
    fireEvent.click(screen.getByText('two messages'));
    await screen.findByText('第二条');
    fireEvent.click(screen.getByText('notification'));
    expect(await screen.findByText('删除不了')).toBeTruthy();
    expect(screen.getByText('第一方面')).toBeTruthy();
  });

  it('is refused outside its provider, rather than swallow notices', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() => render(<Notices />)).toThrow(/FeedbackProvider/);
    } finally {
      quiet.mockRestore();
    }
  });
});
