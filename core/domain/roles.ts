/** Roles a user account can hold (DESIGN.md "Security labels and access"). */
export const ROLES = [
  'administrator',
  'coordinator',
  'editor',
  'contributor',
  'viewer',
  'nato_counterpart',
] as const;
export type Role = (typeof ROLES)[number];
