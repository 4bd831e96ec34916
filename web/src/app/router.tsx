/** Routes: every page is its own lazily loaded chunk; the shell loads once. */
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout.js';
import { RouteError } from './layout/route-error.js';
import { PageLoading } from './layout/page-loading.js';

export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    HydrateFallback: PageLoading,
    ErrorBoundary: RouteError,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./routes/overview.js')).OverviewRoute }),
          },
          {
            path: 'timeline',
            lazy: async () => ({ Component: (await import('./routes/timeline.js')).TimelineRoute }),
          },
          {
            path: 'agreements',
            lazy: async () => ({
              Component: (await import('./routes/agreements.js')).AgreementsRoute,
            }),
          },
          {
            path: 'agreements/:agreementId',
            lazy: async () => ({
              Component: (await import('./routes/agreement.js')).AgreementRoute,
            }),
          },
          {
            path: 'plans',
            lazy: async () => ({ Component: (await import('./routes/plans.js')).PlansRoute }),
          },
          {
            path: 'plans/:planId',
            lazy: async () => ({ Component: (await import('./routes/plan.js')).PlanRoute }),
          },
          {
            path: 'plans/:planId/dashboard',
            lazy: async () => ({
              Component: (await import('./routes/plan-dashboard.js')).PlanDashboardRoute,
            }),
          },
          {
            path: 'plans/:planId/reporting',
            lazy: async () => ({
              Component: (await import('./routes/plan-reporting.js')).PlanReportingRoute,
            }),
          },
          {
            path: 'plans/:planId/items/:itemId',
            lazy: async () => ({
              Component: (await import('./routes/plan-item.js')).PlanItemRoute,
            }),
          },
          {
            path: 'organisations',
            lazy: async () => ({
              Component: (await import('./routes/organisations.js')).OrganisationsRoute,
            }),
          },
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('./routes/account.js')).AccountRoute }),
          },
          {
            path: 'admin/users',
            lazy: async () => ({
              Component: (await import('./routes/admin-users.js')).AdminUsersRoute,
            }),
          },
          {
            path: 'admin/users/:userId',
            lazy: async () => ({
              Component: (await import('./routes/admin-user.js')).AdminUserRoute,
            }),
          },
          {
            path: 'admin/audit-log',
            lazy: async () => ({
              Component: (await import('./routes/audit-log.js')).AuditLogRoute,
            }),
          },
          {
            path: 'sign-in',
            lazy: async () => ({ Component: (await import('./routes/sign-in.js')).SignInRoute }),
          },
          {
            path: '*',
            lazy: async () => ({
              Component: (await import('./routes/not-found.js')).NotFoundRoute,
            }),
          },
        ],
      },
    ],
  },
]);
