import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { brand } from '../../app/theme';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { Loading } from '../../shared/PageState';
import { useLogin, useMe } from './api';
import { safeNext } from './session';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  if (me.isPending) return <Loading />;
  // Already signed in: nothing to do here.
  if (me.data) return <Navigate to={next} replace />;

  const submit = async (values: LoginValues) => {
    setError(null);
    try {
      await login.mutateAsync({ username: values.username.trim(), password: values.password });
      void navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main
      style={{
        boxSizing: 'border-box',
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: `linear-gradient(180deg, ${brand.header} 0, ${brand.header} 280px, ${brand.pageBg} 280px)`,
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 24, color: '#fff' }}>
        <img src="/favicon.svg" alt="" width={40} height={40} style={{ borderRadius: 6, border: '1px solid #ffffff55' }} />
        <div>
          <h1 style={{ margin: 0, fontSize: 24, fontWeight: 600, letterSpacing: 2, color: '#fff' }}>{t('app.title')}</h1>
          <div style={{ fontSize: 13, color: '#ffffffd9' }}>{t('app.subtitle')}</div>
        </div>
      </div>
      <Card
        style={{ width: 400, maxWidth: '100%', borderTop: `3px solid ${brand.accent}`, boxShadow: '0 8px 24px rgba(15,47,92,0.12)' }}
        styles={{ body: { padding: '28px 32px 12px' } }}
        data-testid="login-page"
      >
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, fontSize: 20 }}>
          {t('auth.signIn')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          {t('auth.signInHint')}
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} autoComplete="on">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
              {t('auth.signInButton')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('app.brand')} · {t('app.subtitle')}
      </Typography.Text>
    </main>
  );
}
