/** Every address in the app, in one place, so links never drift from the routes. */

export const paths = {
  overview: '/',
  /** A mechanism on the overview page; the page scrolls to it and opens its details. */
  mechanism: (id: string) => `/#mechanism-${id}`,
  timeline: '/timeline',
  agreements: '/agreements',
  agreement: (id: string) => `/agreements/${encodeURIComponent(id)}`,
  organisations: '/organisations',
  plans: '/plans',
  plan: (id: string) => `/plans/${encodeURIComponent(id)}`,
  /** A plan's dashboard: status counts, overdue and at-risk items, progress over periods. */
  planDashboard: (id: string) => `/plans/${encodeURIComponent(id)}/dashboard`,
  /** A plan's reporting: its periods, the reports due in one (`periodId`) and their review. */
  planReporting: (id: string, periodId?: string) =>
    `/plans/${encodeURIComponent(id)}/reporting${periodId ? `?period=${encodeURIComponent(periodId)}` : ''}`,
  /** One plan item's full page: details, indicators, history and comments. */
  planItem: (planId: string, itemId: string) =>
    `/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(itemId)}`,
  /** An organisation in its tree, opened and highlighted. */
  organisation: (id: string) => `/organisations?focus=${encodeURIComponent(id)}`,
  signIn: '/sign-in',
  /** Sign-in that returns to `next` afterwards (a path on this site). */
  signInThen: (next: string) => `/sign-in?next=${encodeURIComponent(next)}`,
  account: '/account',
  /** The account page when the password must be changed first; `next` is where to go after. */
  accountPasswordThen: (next: string) =>
    `/account?next=${encodeURIComponent(next)}#change-password`,
  adminUsers: '/admin/users',
  adminUser: (id: string) => `/admin/users/${encodeURIComponent(id)}`,
  auditLog: '/admin/audit-log',
  /** The audit log filtered to one record's entries. */
  auditLogOf: (entityType: string, entityId: string) =>
    `/admin/audit-log?entityType=${encodeURIComponent(entityType)}&entityId=${encodeURIComponent(entityId)}`,
} as const;

/** Characters browsers strip from or reinterpret in addresses ("/\t/evil.example" → "//evil…"). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after signing in: only a path on this site is accepted, so a crafted link cannot
 * send the reader elsewhere ("//evil.example", "/\\evil.example" and "https://…" are refused).
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || UNSAFE_IN_PATH.test(value)) {
    return paths.overview;
  }
  if (value.startsWith(paths.signIn)) return paths.overview;
  return value;
}
