import { Loader } from '@mantine/core';
import { createBrowserRouter } from 'react-router';
import { CONSOLE_PATHS as PATHS } from '../paths';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/** Shown while a screen's chunk loads on the very first render. */
function Loading() {
  return <Loader role="status" aria-label="Loading" m="xl" />;
}

/** Each screen is its own chunk: the first load carries the shell and the home screen only. */
export const consoleRouter = createBrowserRouter([
  {
    path: PATHS.signIn,
    lazy: async () => ({ Component: (await import('../pages/sign-in/SignInPage')).SignInPage }),
    ErrorBoundary: RouteError,
    HydrateFallback: Loading,
  },
  {
    path: PATHS.home,
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: Loading,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../pages/home/HomePage')).HomePage }) },
      { path: PATHS.smtp, lazy: async () => ({ Component: (await import('../pages/smtp/SmtpPage')).SmtpPage }) },
      {
        path: PATHS.schedules,
        lazy: async () => ({ Component: (await import('../pages/schedules/SchedulesPage')).SchedulesPage }),
      },
      {
        path: `${PATHS.schedules}/new`,
        lazy: async () => ({
          Component: (await import('../pages/schedules/ScheduleEditorPage')).ScheduleEditorPage,
        }),
      },
      {
        path: `${PATHS.schedules}/:id`,
        lazy: async () => ({
          Component: (await import('../pages/schedules/ScheduleEditorPage')).ScheduleEditorPage,
        }),
      },
      {
        path: PATHS.deliveries,
        lazy: async () => ({ Component: (await import('../pages/deliveries/DeliveriesPage')).DeliveriesPage }),
      },
      {
        path: `${PATHS.deliveries}/:id`,
        lazy: async () => ({
          Component: (await import('../pages/deliveries/DeliveryDetailPage')).DeliveryDetailPage,
        }),
      },
      { path: PATHS.users, lazy: async () => ({ Component: (await import('../pages/users/UsersPage')).UsersPage }) },
      { path: PATHS.audit, lazy: async () => ({ Component: (await import('../pages/audit/AuditPage')).AuditPage }) },
      {
        path: PATHS.account,
        lazy: async () => ({ Component: (await import('../pages/account/AccountPage')).AccountPage }),
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
