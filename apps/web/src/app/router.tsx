import { lazy, Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { meQuery } from '../features/auth/api';
import { RequireAuth } from '../features/auth/RequireAuth';
import { loadDashboardPage, prefetchDashboard } from '../features/dashboard/prefetch';
import { Loading } from '../shared/Loading';
import { AppLayout } from './AppLayout';

const RoundListPage = lazy(() => import('../features/rounds/RoundListPage'));
const ProgrammePage = lazy(() => import('../features/programme/ProgrammePage'));
const DashboardPage = lazy(loadDashboardPage);
const TreePage = lazy(() => import('../features/tree/TreePage'));
const MeasurePage = lazy(() => import('../features/measure/MeasurePage'));
const NotFoundPage = lazy(() => import('../features/rounds/NotFoundPage'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const TasksPage = lazy(() => import('../features/tasks/TasksPage'));
const ClosuresPage = lazy(() => import('../features/closures/ClosuresPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const SharePage = lazy(() => import('../features/share/SharePage'));
const StartPage = lazy(() => import('../features/auth/StartPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const TimelinePage = lazy(() => import('../features/time/TimelinePage'));
const FollowUpsPage = lazy(() => import('../features/followups/FollowUpsPage'));
const FollowUpPage = lazy(() => import('../features/followups/FollowUpPage'));
const OpinionsPage = lazy(() => import('../features/public/OpinionsPage'));
const PublicQrPrintPage = lazy(() => import('../features/public/PublicQrPrintPage'));
const PublicPage = lazy(() => import('../features/public/PublicPage'));
const RegistersPage = lazy(() => import('../features/registers/RegistersPage'));
const NewRoundPage = lazy(() => import('../features/newround/NewRoundPage'));

/** The app's routes; `client` lets a route start its page's reads as soon as it matches. */
export const appRoutes = (client: QueryClient): RouteObject[] => [
  {
    path: 'login',
    element: (
      <Suspense fallback={<Loading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    // The inspection team's read-only view: the link's token is its authorisation, no account.
    path: 'share/:token',
    element: (
      <Suspense fallback={<Loading />}>
        <SharePage />
      </Suspense>
    ),
  },
  {
    // 群众监督: the public page citizens open from the QR code; the token finds the round, no account.
    path: 'p/:token',
    element: (
      <Suspense fallback={<Loading />}>
        <PublicPage />
      </Suspense>
    ),
  },
  {
    // 码上监督: the printable QR sheet, without the app's frame.
    path: 'rounds/:id/public/print',
    element: (
      <RequireAuth>
        <Suspense fallback={<Loading />}>
          <PublicQrPrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    // Every page but the sign-in one needs an account: the guard sends others to /login?next=….
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <StartPage /> },
      { path: 'rounds', element: <RoundListPage /> },
      { path: 'people', element: <PeoplePage /> },
      {
        path: 'rounds/:id',
        element: <DashboardPage />,
        loader: ({ params, request }) => {
          prefetchDashboard(client, Number(params.id), new URL(request.url).searchParams);
          return null;
        },
        // A filter, sort or search changes the list's query only: the list card asks for it itself.
        shouldRevalidate: ({ currentParams, nextParams }) => currentParams.id !== nextParams.id,
      },
      { path: 'rounds/:id/tree', element: <TreePage /> },
      { path: 'rounds/:id/documents', element: <DocumentsPage /> },
      { path: 'rounds/:id/timeline', element: <TimelinePage /> },
      { path: 'rounds/:id/follow-ups', element: <FollowUpsPage /> },
      { path: 'follow-ups/:id', element: <FollowUpPage /> },
      { path: 'rounds/:id/registers', element: <RegistersPage /> },
      { path: 'rounds/new', element: <NewRoundPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'measures/:id', element: <MeasurePage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'closures', element: <ClosuresPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'programme', element: <ProgrammePage /> },
      { path: 'opinions', element: <OpinionsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = (client: QueryClient) =>
  createBrowserRouter([
    {
      hydrateFallbackElement: <Loading />,
      // The session check starts with the route's own reads, not after them: the guard renders
      // nothing until it answers (a cold dashboard asked for it ~750 ms after its chunks and data).
      loader: () => {
        void client.prefetchQuery(meQuery);
        return null;
      },
      shouldRevalidate: () => false,
      children: appRoutes(client),
    },
  ]);
