import { Badge, Space } from 'antd';
import { AuditOutlined, CheckSquareOutlined, CommentOutlined, FundOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { NotificationBell } from '../notifications/NotificationBell';
import { useMyTaskCounts, useRefreshAfterMutations } from '../notifications/api';
import { taskBadge } from '../tasks/taskRows';
import { useMe } from './api';
import { hasAccess, hasTasks } from './session';

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
 * The header menu entries of the workflow, each shown only to the accounts whose `access` allows
 * it: 我的任务 (with its overdue/total badge), 对账销号, 账号管理.
 */
export function useWorkflowMenuItems() {
  const t = useT();
  const user = useMe().data;
  const showTasks = hasTasks(user);
  const tasks = useMyTaskCounts(showTasks);
  useRefreshAfterMutations();
  const badge = taskBadge(tasks.data?.counts);

  const items = [];
  if (showTasks) {
    items.push({
      key: 'tasks',
      icon: <CheckSquareOutlined />,
      label: (
        <Link to="/tasks">
          <Space size={6}>
            {t('nav.tasks')}
            {badge && (
              <Badge
                count={badge.text}
                size="small"
                color={badge.danger ? '#cf1322' : '#3b7dd8'}
                title={t('tasks.badgeTitle', { overdue: tasks.data?.counts.overdue ?? 0, total: tasks.data?.counts.total ?? 0 })}
                data-testid="tasks-badge"
                style={{ boxShadow: 'none' }}
              />
            )}
          </Space>
        </Link>
      ),
    });
  }
  if (hasAccess(user, 'programme.read')) {
    items.push({ key: 'programme', icon: <FundOutlined />, label: <Link to="/programme" data-testid="nav-programme">{t('nav.programme')}</Link> });
  }
  if (hasAccess(user, 'opinions.read')) {
    items.push({ key: 'opinions', icon: <CommentOutlined />, label: <Link to="/opinions" data-testid="nav-opinions">{t('pub.nav')}</Link> });
  }
  if (hasAccess(user, 'closure.decide')) {
    items.push({ key: 'closures', icon: <AuditOutlined />, label: <Link to="/closures">{t('nav.closures')}</Link> });
  }
  if (hasAccess(user, 'users.manage')) {
    items.push({ key: 'users', icon: <TeamOutlined />, label: <Link to="/admin/users">{t('nav.users')}</Link> });
  }
  return items;
}

/** The right end of the header: the notification bell and the account menu. */
export { NotificationBell };
export { UserMenu } from './UserMenu';
