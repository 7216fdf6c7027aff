import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { onUnauthorized } from '../../api/client';
import { LoadError, Loading } from '../../shared/PageState';
import { meKey, useMe } from './api';
import { guardDecision } from './session';

/**
 * The route guard: renders its children for a signed-in account, sends everyone else to
 * /login?next=<where they were going>. Any 401 of any later request (the session ended) signs the
 * app out, which lands here again and redirects.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const client = useQueryClient();

  useEffect(
    () =>
      onUnauthorized(() => {
        if (client.getQueryData(meKey)) client.setQueryData(meKey, null);
      }),
    [client],
  );

  const decision = guardDecision(me, location);
  switch (decision.kind) {
    case 'render':
      return <>{children}</>;
    case 'redirect':
      return <Navigate to={decision.to} replace />;
    case 'error':
      return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
    default:
      return <Loading />;
  }
}
