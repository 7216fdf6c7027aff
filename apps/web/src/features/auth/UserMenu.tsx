import { lazy, Suspense, useState } from 'react';
import { Avatar, Dropdown, Space } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { useCurrentUser, useLogout } from './api';
import { LOGIN_PATH } from './session';

// The password form (antd Form, Input, Modal: ~40 KB gzipped) loads when it is first asked for, not with every page.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal'));

/** The header's account menu: who is signed in (name, role), change password, sign out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const user = useCurrentUser();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const name = user.person?.name ?? user.username;
  const role = roleLabels[user.role][locale];

  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } finally {
      // A fresh page: nothing read by this account stays in memory.
      window.location.assign(LOGIN_PATH);
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div style={{ lineHeight: 1.5, color: '#1f2937' }}>
                  <div style={{ fontWeight: 600 }}>{name}</div>
                  <div style={{ fontSize: 12, color: '#595959' }}>
                    {user.username} · {role}
                    {user.person?.department ? ` · ${user.person.department.name}` : ''}
                  </div>
                </div>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => setChanging(true) },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="sign-out">{t('auth.signOut')}</span>, onClick: () => void signOut() },
          ],
        }}
      >
        <button
          type="button"
          className="rectify-user-menu rectify-tap"
          data-testid="user-menu"
          aria-label={compact ? `${name} · ${role}` : undefined}
          aria-haspopup="menu"
        >
          <Space size={8}>
            <Avatar size={28} icon={<UserOutlined />} style={{ background: '#ffffff26' }} />
            {/* On a phone the name and role move into the menu itself: the header has no room. */}
            <span style={compact ? { display: 'none' } : { display: 'flex', flexDirection: 'column', lineHeight: 1.2, textAlign: 'left' }}>
              <span style={{ fontSize: 13 }} data-testid="user-name">
                {name}
              </span>
              <span style={{ fontSize: 11, color: '#ffffffc2' }} data-testid="user-role">
                {role}
              </span>
            </span>
            {!compact && <DownOutlined style={{ fontSize: 10, color: '#ffffffc2' }} />}
          </Space>
        </button>
      </Dropdown>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </>
  );
}
