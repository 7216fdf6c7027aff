import { lazy, Suspense, useState } from 'react';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@rectify/domain';
import { useLocale } from '../../i18n';
import { useCurrentUser } from './api';

// The menu itself (antd Dropdown: its menu, popup and motion code) loads when the button is first
// pressed (fetched already when the pointer or the focus reaches it), not with every page.
const loadAccountMenu = () => import('./AccountMenu');
const AccountMenu = lazy(loadAccountMenu);

/** The header's account button: who is signed in (name, role); it opens the account menu. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const [locale] = useLocale();
  const user = useCurrentUser();
  const [menuWanted, setMenuWanted] = useState(false);
  const name = user.person?.name ?? user.username;
  const role = roleLabels[user.role][locale];

  const button = (pressed: boolean) => (
    <button
      type="button"
      className="rectify-user-menu rectify-tap"
      data-testid="user-menu"
      aria-label={compact ? `${name} · ${role}` : undefined}
      aria-haspopup="menu"
      // Once pressed, the menu's chunk draws the button anew: the new one takes the focus over.
      autoFocus={pressed}
      onPointerEnter={() => void loadAccountMenu()}
      onFocus={() => void loadAccountMenu()}
      onClick={pressed ? undefined : () => setMenuWanted(true)}
    >
      <span className="rectify-user-avatar">
        <UserOutlined />
      </span>
      {/* On a phone the name and role move into the menu itself: the header has no room. */}
      {!compact && (
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2, textAlign: 'left' }}>
          <span style={{ fontSize: 13 }} data-testid="user-name">
            {name}
          </span>
          <span style={{ fontSize: 11, color: '#ffffffc2' }} data-testid="user-role">
            {role}
          </span>
        </span>
      )}
      {!compact && <DownOutlined style={{ fontSize: 10, color: '#ffffffc2' }} />}
    </button>
  );

  if (!menuWanted) return button(false);
  return (
    <Suspense fallback={button(true)}>
      <AccountMenu trigger={button(true)} name={name} role={role} />
    </Suspense>
  );
}
