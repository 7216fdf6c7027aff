import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Layout, Menu, Space } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileTextOutlined,
  IdcardOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  MenuOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell, UserMenu, useWorkflowMenuItems, workflowMenuKey } from '../features/auth/nav';
import { useT } from '../i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { Loading } from '../shared/Loading';
import { useScreen } from '../shared/useScreen';
import { useCurrentRoundId } from './CurrentRound';
import { brand } from './theme';

const { Header, Content, Footer } = Layout;

const MenuDrawer = lazy(() => import('./MenuDrawer'));

function selectedKey(pathname: string): string {
  return (
    workflowMenuKey(pathname) ??
    (pathname.startsWith('/people')
      ? 'people'
      : pathname.endsWith('/tree')
        ? 'tree'
        : pathname.endsWith('/timeline')
          ? 'timeline'
        : pathname.endsWith('/follow-ups') || pathname.startsWith('/follow-ups/')
          ? 'followUps'
        : pathname.endsWith('/registers')
          ? 'registers'
        : pathname.endsWith('/documents')
          ? 'documents'
          : pathname.startsWith('/rounds/')
            ? 'dashboard'
            : pathname === '/rounds'
              ? 'rounds'
              : '')
  );
}

/**
 * The frame of every signed-in page. Wide screens get the menu in the header; below 992 px it
 * moves into a drawer opened by the menu button, with the language switch, so every page stays
 * reachable on a phone and nothing makes the page wider than the screen.
 */
export function AppLayout() {
  const t = useT();
  const roundId = useCurrentRoundId();
  const { pathname } = useLocation();
  const { narrow } = useScreen();
  const [menuOpen, setMenuOpen] = useState(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  const workflowItems = useWorkflowMenuItems();

  // A tap on a menu entry navigates: close the drawer behind it.
  useEffect(() => setMenuOpen(false), [pathname]);

  const items = [
    { key: 'rounds', icon: <UnorderedListOutlined />, label: <Link to="/rounds">{t('nav.rounds')}</Link> },
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
      key: 'timeline',
      icon: <FieldTimeOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}/timeline`}>{t('nav.timeline')}</Link> : t('nav.timeline'),
    },
    {
      key: 'followUps',
      icon: <FileSearchOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}/follow-ups`} data-testid="nav-follow-ups">{t('nav.followUps')}</Link> : t('nav.followUps'),
    },
    {
      key: 'registers',
      icon: <AuditOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}/registers`}>{t('nav.registers')}</Link> : t('nav.registers'),
    },
    {
      key: 'documents',
      icon: <FileTextOutlined />,
      disabled: !roundId,
      label: roundId ? <Link to={`/rounds/${roundId}/documents`}>{t('nav.documents')}</Link> : t('nav.documents'),
    },
    ...workflowItems,
    { key: 'people', icon: <IdcardOutlined />, label: <Link to="/people">{t('nav.people')}</Link> },
  ];
  const selected = selectedKey(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Brand and account on one bar, the menu on its own bar below: a unit's office has a dozen
          entries, which a shared bar would fold into antd's "…" at 1440 px. */}
      <div className="rectify-top" style={{ position: 'sticky', top: 0, zIndex: 10, borderBottom: `3px solid ${brand.accent}` }}>
        <Header
          className="rectify-header"
          style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 24, padding: narrow ? '0 8px' : '0 24px' }}
        >
          {narrow && (
            <Button
              type="text"
              className="rectify-tap"
              aria-label={t('nav.menu')}
              aria-expanded={menuOpen}
              data-testid="menu-button"
              icon={<MenuOutlined style={{ fontSize: 20, color: '#fff' }} />}
              onClick={() => {
                setDrawerWanted(true);
                setMenuOpen(true);
              }}
            />
          )}
          <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, flex: '1 1 auto', minWidth: 0 }}>
            <img src="/favicon.svg" alt="" width={28} height={28} style={{ borderRadius: 4, border: '1px solid #ffffff55', flex: 'none' }} />
            <span style={{ display: 'flex', flexDirection: narrow ? 'column' : 'row', alignItems: narrow ? 'flex-start' : 'baseline', gap: narrow ? 0 : 12, lineHeight: 1.25, minWidth: 0 }}>
              <span style={{ color: '#fff', fontSize: narrow ? 15 : 18, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {t('app.title')}
              </span>
              {!narrow && <span style={{ color: '#ffffffc2', fontSize: 12, whiteSpace: 'nowrap' }}>{t('app.subtitle')}</span>}
            </span>
          </Link>
          <Space size={narrow ? 4 : 12} style={{ flex: 'none' }}>
            {!narrow && <LanguageSwitch />}
            <NotificationBell />
            <UserMenu compact={narrow} />
          </Space>
        </Header>
        {!narrow && (
          <nav className="rectify-navbar" aria-label={t('nav.mainMenu')} style={{ background: brand.primary, padding: '0 12px' }}>
            <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} style={{ background: 'transparent', borderBottom: 'none', lineHeight: '44px' }} />
          </nav>
        )}
      </div>
      {/* Mounted from the first opening on (it stays mounted to slide out and in again). */}
      {narrow && drawerWanted && (
        <Suspense fallback={null}>
          <MenuDrawer open={menuOpen} onClose={() => setMenuOpen(false)} items={items} selected={selected} />
        </Suspense>
      )}
      <Content className="rectify-content" style={{ padding: narrow ? '12px 12px' : '20px 24px', maxWidth: 1440, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer className="rectify-footer" style={{ textAlign: 'center', color: '#595959', fontSize: 12, padding: '12px 24px 20px' }}>
        {t('app.brand')} · {t('app.subtitle')}
      </Footer>
    </Layout>
  );
}
