import { Link } from 'react-router';
import { NavEntryLabel, type NavEntry } from '../features/auth/nav';
import { useT } from '../i18n';

/**
 * The main menu of wide screens: a bar of plain links, drawn by global.css in the look antd's dark
 * horizontal Menu had (the current page white, the others dimmed). The menu only navigates, and
 * antd's Menu brought rc-menu with its overflow, tooltip and popup code into every page's first chunk.
 */
export function HeaderNav({ entries, selected }: { entries: NavEntry[]; selected: string }) {
  const t = useT();
  return (
    <nav className="rectify-navbar" aria-label={t('nav.mainMenu')}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            {entry.to ? (
              <Link to={entry.to} className="rectify-navbar-link" aria-current={entry.key === selected ? 'page' : undefined} data-testid={entry.testId}>
                {entry.icon}
                <NavEntryLabel entry={entry} />
              </Link>
            ) : (
              // Needs a round and none is chosen yet: shown as an unavailable link, not focusable.
              <a className="rectify-navbar-link" role="link" aria-disabled="true">
                {entry.icon}
                {entry.label}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
