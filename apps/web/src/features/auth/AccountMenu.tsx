import { lazy, Suspense, useState, type ReactElement } from 'react';
import { Dropdown } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useCurrentUser, useLogout } from './api';
import { LOGIN_PATH } from './session';

// The password form (antd Form, Input, Modal: ~40 KB gzipped) loads when it is first asked for.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal'));

/**
 * The account menu around the header's account button (UserMenu): who is signed in, change
 * password, sign out. Its own chunk, loaded by the first press of the button, so it opens at once.
 */
export default function AccountMenu({ trigger, name, role }: { trigger: ReactElement; name: string; role: string }) {
  const t = useT();
  const user = useCurrentUser();
  const logout = useLogout();
  const [open, setOpen] = useState(true);
  const [changing, setChanging] = useState(false);

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
        open={open}
        onOpenChange={setOpen}
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
        {trigger}
      </Dropdown>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </>
  );
}
