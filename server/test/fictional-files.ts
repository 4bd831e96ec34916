/**
 * API test files that run a second time against the fictional partner deployment (vitest project
 * api-fictional, LIAISON_TEST_PARTNER=fictional). They name no partner: the nation, the national
 * marking policy and the default label come from server/test/partner.ts, and the no-partner-literal
 * test checks these files too.
 */
export const FICTIONAL_PARTNER_TEST_FILES = [
  'server/access/visibility.test.ts',
  'server/access/visibility.property.test.ts',
  'server/access/containers.test.ts',
  'server/access/containers.property.test.ts',
  'server/access/editor-scope.test.ts',
  'server/access/safe-defaults.test.ts',
  'server/auth/auth.test.ts',
  'server/auth/session-cache.test.ts',
  'server/modules/users/clearances.test.ts',
  'server/modules/markings/markings.test.ts',
  'server/modules/plans/plans-partner.test.ts',
  'server/test/no-partner-literal.test.ts',
];
