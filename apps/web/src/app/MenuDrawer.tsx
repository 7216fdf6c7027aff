import { Drawer, Menu } from 'antd';
import { Link } from 'react-router';
import { NavEntryLabel, type NavEntry } from '../features/auth/nav';
import { useT } from '../i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';

/**
 * The menu of narrow screens, in a drawer opened by the menu button. Its own chunk (antd's Drawer
 * and Menu bring their panel, skeleton and motion): loaded on the first tap, not with every page.
 */
export default function MenuDrawer({ open, onClose, entries, selected }: { open: boolean; onClose: () => void; entries: NavEntry[]; selected: string }) {
  const t = useT();
  const items = entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    disabled: !entry.to,
    label: entry.to ? (
      <Link to={entry.to} data-testid={entry.testId}>
        <NavEntryLabel entry={entry} />
      </Link>
    ) : (
      entry.label
    ),
  }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      width="min(320px, 86vw)"
      title={t('app.title')}
      styles={{ body: { padding: 0 } }}
      data-testid="menu-drawer"
    >
      <nav aria-label={t('nav.mainMenu')}>
        <Menu mode="inline" selectedKeys={[selected]} items={items} className="rectify-drawer-menu" style={{ borderInlineEnd: 'none' }} />
      </nav>
      <div style={{ padding: '16px 24px' }}>
        <LanguageSwitch />
      </div>
    </Drawer>
  );
}
