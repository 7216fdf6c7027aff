import type { ReactNode } from 'react';
import { AuditOutlined, CheckSquareOutlined, CommentOutlined, FundOutlined, TeamOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { CountBadge } from '../../shared/CountBadge';
import { useMyTaskCounts, useRefreshAfterMutations } from '../notifications/api';
import { taskBadge } from '../tasks/taskRows';
import { useMe } from './api';
import { hasAccess, hasTasks } from './session';

/**
 * One entry of the main menu, as the header's bar of links and the phone's drawer both draw it.
 * `to` is null while the entry needs a round and none is chosen yet: shown, but disabled.
 */
export interface NavEntry {
  key: string;
  icon: ReactNode;
  label: string;
  to: string | null;
  testId?: string;
  /** A count beside the label (我的任务: overdue/total). */
  badge?: { text: string; danger: boolean; title: string };
}

/** An entry's label, with its count beside it (6 px apart, as antd's Space put them). */
export function NavEntryLabel({ entry }: { entry: NavEntry }) {
  if (!entry.badge) return <>{entry.label}</>;
  return (
    <span className="rectify-nav-label">
      {entry.label}
      <CountBadge count={entry.badge.text} color={entry.badge.danger ? '#cf1322' : '#3b7dd8'} title={entry.badge.title} testId="tasks-badge" />
    </span>
  );
}

/** The menu key of the workflow pages, or null for other paths. */
export function workflowMenuKey(pathname: string): string | null {
  if (pathname === '/tasks') return 'tasks';
  if (pathname === '/closures') return 'closures';
  if (pathname.startsWith('/admin/users')) return 'users';
  if (pathname === '/programme') return 'programme';
  if (pathname === '/opinions') return 'opinions';
  return null;
}

/**
 * The menu entries of the workflow, each shown only to the accounts whose `access` allows it:
 * 我的任务 (with its overdue/total badge), 整改总览, 群众监督, 对账销号, 账号管理.
 */
export function useWorkflowNavEntries(): NavEntry[] {
  const t = useT();
  const user = useMe().data;
  const showTasks = hasTasks(user);
  const tasks = useMyTaskCounts(showTasks);
  useRefreshAfterMutations();
  const badge = taskBadge(tasks.data?.counts);

  const entries: NavEntry[] = [];
  if (showTasks) {
    entries.push({
      key: 'tasks',
      icon: <CheckSquareOutlined />,
      label: t('nav.tasks'),
      to: '/tasks',
      badge: badge
        ? { ...badge, title: t('tasks.badgeTitle', { overdue: tasks.data?.counts.overdue ?? 0, total: tasks.data?.counts.total ?? 0 }) }
        : undefined,
    });
  }
  if (hasAccess(user, 'programme.read')) {
    entries.push({ key: 'programme', icon: <FundOutlined />, label: t('nav.programme'), to: '/programme', testId: 'nav-programme' });
  }
  if (hasAccess(user, 'opinions.read')) {
    entries.push({ key: 'opinions', icon: <CommentOutlined />, label: t('pub.nav'), to: '/opinions', testId: 'nav-opinions' });
  }
  if (hasAccess(user, 'closure.decide')) {
    entries.push({ key: 'closures', icon: <AuditOutlined />, label: t('nav.closures'), to: '/closures' });
  }
  if (hasAccess(user, 'users.manage')) {
    entries.push({ key: 'users', icon: <TeamOutlined />, label: t('nav.users'), to: '/admin/users' });
  }
  return entries;
}

/** The right end of the header: the notification bell and the account menu. */
export { NotificationBell } from '../notifications/NotificationBell';
export { UserMenu } from './UserMenu';
