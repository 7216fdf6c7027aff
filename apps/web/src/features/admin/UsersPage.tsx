import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Result, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, roleLabels, type Person, type Role, type UserAccount, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { LoadError } from '../../shared/PageState';
import { Loading } from '../../shared/Loading';
import { ResponsiveList } from '../../shared/ResponsiveList';
import { DemoTag } from '../../shared/DemoTag';
import { useOrganizations, useRounds } from '../../api/hooks';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { useAllPeople, useCreateUser, useResetPassword, useUpdateUser, useUsers } from './api';
import { useFeedback } from '../../shared/feedback';

const roleColor: Record<Role, string> = { admin: 'magenta', supervisor: 'purple', office: 'geekblue', leader: 'gold', officer: 'cyan', inspector: 'default' };

type Editing = { kind: 'create' } | { kind: 'edit'; user: UserAccount } | { kind: 'password'; user: UserAccount } | null;

/** 账号管理: accounts, their role, person and state; password resets (admin only). */
export default function UsersPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useMe();
  const allowed = hasAccess(me.data, 'users.manage');
  const users = useUsers(allowed);
  const people = useAllPeople(allowed);
  const [editing, setEditing] = useState<Editing>(null);

  if (!allowed) return <Result status="403" title={t('access.denied')} subTitle={t('access.adminOnly')} />;

  // One account's cells, shared by the table (wide screens) and its card (phones).
  const usernameCell = (u: UserAccount) => (
    <Space size={4} wrap>
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {u.username}
      </Typography.Text>
      {u.id === me.data?.id && <Tag color="blue">{t('users.you')}</Tag>}
      {u.demo && <DemoTag />}
    </Space>
  );
  const personCell = (u: UserAccount) => {
    if (!u.person) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    const about = [u.person.title, u.person.department?.name].filter(Boolean);
    return (
      <span>
        {u.person.name}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {about.length ? `（${about.join('，')}）` : ''}
        </Typography.Text>
      </span>
    );
  };
  const stateTag = (u: UserAccount) => (u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>);
  const actions = (u: UserAccount, wrap = true) => (
    <Space size={4} wrap={wrap}>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit', user: u })} data-testid="user-edit">
        {t('common.edit')}
      </Button>
      <Button size="small" icon={<KeyOutlined />} onClick={() => setEditing({ kind: 'password', user: u })} data-testid="user-reset">
        {t('users.resetPassword')}
      </Button>
    </Space>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="users-page">
      <div>
        <h1 className="rectify-page-title">{t('users.title')}</h1>
        <Typography.Text type="secondary">{t('users.intro')}</Typography.Text>
      </div>
      <Card
        title={t('users.list')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      >
        {users.isError ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : users.isPending ? (
          <Loading />
        ) : (
          <ResponsiveList<UserAccount>
            rows={users.data}
            rowKey={(u) => u.id}
            card={(u) => (
              <Card size="small" data-testid={`user-row-${u.username}`}>
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  <Space size={4} wrap>
                    {usernameCell(u)}
                    <Tag color={roleColor[u.role]}>{roleLabels[u.role][locale]}</Tag>
                    {stateTag(u)}
                  </Space>
                  {u.organization && <div style={{ fontSize: 13 }}>{u.organization.name}</div>}
                  {u.person && <div style={{ fontSize: 13 }}>{personCell(u)}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.email ? `${u.email} · ` : ''}
                    {t('users.lastLogin')}：{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}
                  </Typography.Text>
                  {actions(u)}
                </Space>
              </Card>
            )}
            table={{
              pagination: false,
              onRow: (u) => ({ 'data-testid': `user-row-${u.username}` }) as React.HTMLAttributes<HTMLElement>,
              columns: [
                { title: t('users.username'), dataIndex: 'username', width: 200, render: (_: string, u) => usernameCell(u) },
                { title: t('users.role'), dataIndex: 'role', width: 140, render: (role: Role) => <Tag color={roleColor[role]}>{roleLabels[role][locale]}</Tag> },
                {
                  title: t('users.organization'),
                  key: 'organization',
                  render: (_, u) => u.organization?.name ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
                },
                { title: t('users.person'), key: 'person', render: (_, u) => personCell(u) },
                { title: t('users.email'), dataIndex: 'email', width: 150, render: (v: string | null) => v ?? t('common.none') },
                { title: t('users.state'), dataIndex: 'active', width: 90, render: (_: boolean, u) => stateTag(u) },
                { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')) },
                { title: t('closures.actions'), key: 'actions', width: 230, render: (_, u) => actions(u, false) },
              ],
            }}
          />
        )}
      </Card>
      <UserModal editing={editing} people={people.data ?? []} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={editing?.kind === 'password' ? editing.user : null} onClose={() => setEditing(null)} />
    </Space>
  );
}

interface UserValues {
  username: string;
  password: string;
  role: Role;
  personId: number | null;
  organizationId: number | null;
  roundIds: number[];
  email: string;
  active: boolean;
}

function UserModal({ editing, people, onClose }: { editing: Editing; people: Person[]; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const [form] = Form.useForm<UserValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);
  const organizations = useOrganizations();
  const rounds = useRounds();
  const role = Form.useWatch('role', form);
  const open = editing?.kind === 'create' || editing?.kind === 'edit';
  // While the modal closes it keeps showing the account it was opened for.
  const last = useRef<UserAccount | null>(null);
  if (open) last.current = editing.kind === 'edit' ? editing.user : null;
  const user = last.current;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) form.setFieldsValue({ role: user.role, personId: user.person?.id ?? null, organizationId: user.organization?.id ?? null, roundIds: user.roundIds, email: user.email ?? '', active: user.active });
    else form.setFieldsValue({ role: 'officer', personId: null, organizationId: null, roundIds: [], email: '', active: true });
  }, [open, user, form]);

  const submit = async (v: UserValues) => {
    setError(null);
    const email = v.email?.trim() ? v.email.trim() : null;
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          body: { version: user.version, role: v.role, personId: v.personId ?? null, organizationId: v.organizationId ?? null, roundIds: v.roundIds ?? [], email, active: v.active },
        });
      } else {
        await create.mutateAsync({
          username: v.username.trim(),
          password: v.password,
          role: v.role,
          personId: v.personId ?? null,
          organizationId: v.organizationId ?? null,
          roundIds: v.roundIds ?? [],
          email,
        });
      }
      message.success(user ? t('common.saved') : t('users.created'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { name: user.username }) : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'user-save' } as ButtonProps}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="user-error" />}
      <Form<UserValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {!user && (
          <>
            <Form.Item
              name="username"
              label={t('users.username')}
              extra={t('users.usernameRule')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9._@-]{2,50}$/, message: t('users.usernameRule') }]}
            >
              <Input autoComplete="off" data-testid="user-username" />
            </Form.Item>
            <Form.Item name="password" label={t('users.initialPassword')} extra={t('auth.passwordRule')} rules={[{ required: true, min: 8, message: t('auth.passwordRule') }]}>
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: roleLabels[r][locale] }))} data-testid="user-role" />
        </Form.Item>
        <Form.Item name="personId" label={t('users.person')} extra={t('users.personHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('measure.selectPlaceholder')}
            options={people.map((p) => ({
              value: p.id,
              label: [p.name, p.title, p.department?.name].filter(Boolean).join(' · '),
            }))}
            data-testid="user-person"
          />
        </Form.Item>
        <Form.Item name="organizationId" label={t('users.organization')} extra={t('users.organizationHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('measure.selectPlaceholder')}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="user-organization"
          />
        </Form.Item>
        {role === 'inspector' && (
          <Form.Item name="roundIds" label={t('users.rounds')} extra={t('users.roundsHint')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(rounds.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({ value: r.id, label: `${r.inspectedUnit.name} · ${r.roundName}${r.groupName}` }))}
              data-testid="user-rounds"
            />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {user && (
          <Form.Item name="active" label={t('users.state')} valuePropName="checked">
            <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} data-testid="user-active" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (user) {
      setError(null);
      form.resetFields();
    }
  }, [user, form]);

  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.username }) : ''}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ newPassword }) => {
          if (!user) return;
          setError(null);
          try {
            await reset.mutateAsync({ id: user.id, newPassword });
            message.success(t('users.passwordReset'));
            onClose();
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          }
        }}
      >
        <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordRule')} rules={[{ required: true, min: 8, message: t('auth.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
