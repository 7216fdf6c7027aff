import { useState } from 'react';
import { Alert, App, Avatar, Dropdown, Form, Input, Modal, Space } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { useChangePassword, useCurrentUser, useLogout } from './api';
import { LOGIN_PATH } from './session';

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
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };

  const submit = async (values: PasswordValues) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('auth.passwordChanged'));
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule')}
          rules={[{ required: true, min: 8, message: t('auth.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.confirmPassword') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
