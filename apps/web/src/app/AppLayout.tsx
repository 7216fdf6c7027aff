import { Suspense } from 'react';
import { Layout, Menu, Segmented, Space } from 'antd';
import { ApartmentOutlined, DashboardOutlined, FileTextOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import type { Locale } from '@rectify/domain';
import { NotificationBell, UserMenu, useWorkflowMenuItems, workflowMenuKey } from '../features/auth/nav';
import { useLocale, useT } from '../i18n';
import { Loading } from '../shared/Loading';
import { useCurrentRoundId } from './CurrentRound';
import { brand } from './theme';

const { Header, Content, Footer } = Layout;

export function AppLayout() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  const roundId = useCurrentRoundId();
  const { pathname } = useLocation();

  const workflowItems = useWorkflowMenuItems();

  const selected = workflowMenuKey(pathname) ?? (pathname.endsWith('/tree')
    ? 'tree'
    : pathname.endsWith('/documents')
      ? 'documents'
      : pathname.startsWith('/rounds/')
      ? 'dashboard'
      : pathname === '/'
        ? 'rounds'
        : '');

  const items = [
    { key: 'rounds', icon: <UnorderedListOutlined />, label: <Link to="/">{t('nav.rounds')}</Link> },
    {
      key: 'dashboard',
      icon: <DashboardOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}`}>{t('nav.dashboard')}</Link> : t('nav.dashboard'),
    },
    {
      key: 'tree',
      icon: <ApartmentOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}/tree`}>{t('nav.tree')}</Link> : t('nav.tree'),
    },
    {
      key: 'documents',
      icon: <FileTextOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}/documents`}>{t('nav.documents')}</Link> : t('nav.documents'),
    },
    ...workflowItems,
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          borderBottom: `3px solid ${brand.accent}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, flex: 'none' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} style={{ borderRadius: 4, border: '1px solid #ffffff55' }} />
          <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25 }}>
            <span style={{ color: '#fff', fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{t('app.title')}</span>
            <span style={{ color: '#ffffffa6', fontSize: 11 }}>{t('app.subtitle')}</span>
          </span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={items}
          style={{ flex: 1, minWidth: 0, background: 'transparent', borderBottom: 'none' }}
        />
        <Space size={12}>
          <Segmented<Locale>
            size="small"
            aria-label={t('app.language')}
            data-testid="language-switch"
            value={locale}
            onChange={(value) => setLocale(value)}
            options={[
              { label: t('lang.zhCN'), value: 'zh-CN' },
              { label: t('lang.en'), value: 'en' },
            ]}
          />
          <NotificationBell />
          <UserMenu />
        </Space>
      </Header>
      <Content style={{ padding: '20px 24px', maxWidth: 1440, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '12px 24px 20px' }}>
        {t('app.brand')} · {t('app.subtitle')}
      </Footer>
    </Layout>
  );
}
