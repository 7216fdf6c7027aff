import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Layout } from 'antd';
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
import { NotificationBell, UserMenu, useWorkflowNavEntries, workflowMenuKey, type NavEntry } from '../features/auth/nav';
import { useT } from '../i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { Loading } from '../shared/Loading';
import { useScreen } from '../shared/useScreen';
import { useCurrentRoundId } from './CurrentRound';
import { HeaderNav } from './HeaderNav';
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
  const workflowEntries = useWorkflowNavEntries();

  // A tap on a menu entry navigates: close the drawer behind it.
  useEffect(() => setMenuOpen(false), [pathname]);

  // The round's pages: disabled until a round is chosen.
  const roundEntry = (key: string, icon: NavEntry['icon'], label: string, path: string, testId?: string): NavEntry => ({
    key,
    icon,
    label,
    to: roundId ? `/rounds/${roundId}${path}` : null,
    testId,
  });
  const entries: NavEntry[] = [
    { key: 'rounds', icon: <UnorderedListOutlined />, label: t('nav.rounds'), to: '/rounds' },
    roundEntry('dashboard', <DashboardOutlined />, t('nav.dashboard'), ''),
    roundEntry('tree', <ApartmentOutlined />, t('nav.tree'), '/tree'),
    roundEntry('timeline', <FieldTimeOutlined />, t('nav.timeline'), '/timeline'),
    roundEntry('followUps', <FileSearchOutlined />, t('nav.followUps'), '/follow-ups', 'nav-follow-ups'),
    roundEntry('registers', <AuditOutlined />, t('nav.registers'), '/registers'),
    roundEntry('documents', <FileTextOutlined />, t('nav.documents'), '/documents'),
    ...workflowEntries,
    { key: 'people', icon: <IdcardOutlined />, label: t('nav.people'), to: '/people' },
  ];
  const selected = selectedKey(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Brand and account on one bar, the menu on its own bar below: a unit's office has a dozen
          entries, which would not fit one shared bar at 1440 px. */}
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
          <Link to="/" className="rectify-brand" style={{ display: 'flex', alignItems: 'center', gap: 10, flex: '1 1 auto', minWidth: 0 }}>
            <img src="/favicon.svg" alt="" width={28} height={28} style={{ borderRadius: 4, border: '1px solid #ffffff55', flex: 'none' }} />
            <span style={{ display: 'flex', flexDirection: narrow ? 'column' : 'row', alignItems: narrow ? 'flex-start' : 'baseline', gap: narrow ? 0 : 12, lineHeight: 1.25, minWidth: 0 }}>
              <span style={{ color: '#fff', fontSize: narrow ? 15 : 18, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {t('app.title')}
              </span>
              {!narrow && <span style={{ color: '#ffffffc2', fontSize: 12, whiteSpace: 'nowrap' }}>{t('app.subtitle')}</span>}
            </span>
          </Link>
          <div style={{ display: 'flex', alignItems: 'center', alignSelf: 'stretch', gap: narrow ? 4 : 12, flex: 'none' }}>
            {!narrow && <LanguageSwitch />}
            <NotificationBell />
            <UserMenu compact={narrow} />
          </div>
        </Header>
        {!narrow && <HeaderNav entries={entries} selected={selected} />}
      </div>
      {/* Mounted from the first opening on (it stays mounted to slide out and in again). */}
      {narrow && drawerWanted && (
        <Suspense fallback={null}>
          <MenuDrawer open={menuOpen} onClose={() => setMenuOpen(false)} entries={entries} selected={selected} />
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
