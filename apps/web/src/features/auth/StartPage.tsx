import { Navigate } from 'react-router';
import { useCurrentRound } from '../../api/hooks';
import { LoadError, Loading } from '../../shared/PageState';
import { useClosures } from '../closures/api';
import { useCurrentUser } from './api';
import { hasAccess, hasTasks } from './session';

/**
 * Where "/" goes, by what the account came to do: a responsible officer to 我的任务; the office
 * to its closure queue while anything waits there; everyone else (leaders, the inspection team,
 * the office with an empty queue) to the dashboard of the current round; the round list when
 * there is no round yet.
 */
export default function StartPage() {
  const user = useCurrentUser();
  const officer = user.role === 'officer' && hasTasks(user);
  const office = (user.role === 'office' || user.role === 'admin') && hasAccess(user, 'closure.decide');
  const rounds = useCurrentRound();
  const queue = useClosures('pending', office);

  if (officer) return <Navigate to="/tasks" replace />;
  if (rounds.isPending || (office && queue.isPending)) return <Loading />;
  if (rounds.isError) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  if (office && (queue.data?.pages[0]?.total ?? 0) > 0) return <Navigate to="/closures" replace />;
  const current = rounds.data.round;
  return <Navigate to={current ? `/rounds/${current.id}` : '/rounds'} replace />;
}
