import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Providers } from '../app/Providers';
import { loadLocale, LOCALE_STORAGE_KEY, useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

function Page() {
  const t = useT();
  return (
    <>
      <h1>{t('nav.dashboard')}</h1>
      <LanguageSwitch />
    </>
  );
}

describe('LanguageSwitch', () => {
  // The first two run before English has loaded (it then stays loaded for this file).
  it('refuses a fixed locale whose catalogue was not loaded, rather than show Chinese as English', () => {
    // React logs the thrown error too; it is the expected outcome here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() =>
        render(
          <Providers locale="en">
            <Page />
          </Providers>,
        ),
      ).toThrow(/loadLocale\('en'\)/);
    } finally {
      quiet.mockRestore();
    }
  });

  it('keeps the last choice: 中文 clicked while English is still loading stays Chinese', async () => {
    render(
      <Providers>
        <Page />
      </Providers>,
    );
    fireEvent.click(screen.getByText('English'));
    fireEvent.click(screen.getByText('中文'));
    await act(() => loadLocale('en'));
    expect(screen.getByRole('heading').textContent).toBe('整改看板');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
  });

  it('loads English when chosen, then shows it, remembers it, and goes back to Chinese', async () => {
    render(
      <Providers>
        <Page />
      </Providers>,
    );
    expect(screen.getByRole('heading').textContent).toBe('整改看板');

    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');

    fireEvent.click(screen.getByText('中文'));
    expect(await screen.findByRole('heading', { name: '整改看板' })).toBeTruthy();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
  });
});
