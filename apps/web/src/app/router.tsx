import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';

const RoundListPage = lazy(() => import('../features/rounds/RoundListPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const TreePage = lazy(() => import('../features/tree/TreePage'));
const MeasurePage = lazy(() => import('../features/measure/MeasurePage'));
const NotFoundPage = lazy(() => import('../features/rounds/NotFoundPage'));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <RoundListPage /> },
      { path: 'rounds/:id', element: <DashboardPage /> },
      { path: 'rounds/:id/tree', element: <TreePage /> },
      { path: 'measures/:id', element: <MeasurePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
