/**
 * Who may comment. Reading follows the record: whoever can read a plan item reads its comments
 * (each comment's own label permitting). Writing:
 * - post: every signed-in role that works on plans — administrator, coordinator, editor,
 *   contributor and NATO counterpart. A viewer reads only: the role exists for people who follow
 *   the plan without taking part in it, so a viewer's comment would be out of place.
 * - edit: the author only (a comment is a person's own words; nobody rewrites them).
 * - delete and restore: the author, and administrators and coordinators (who keep the thread tidy).
 */
import type { Role } from '../../../core/domain/roles.js';
import { allow, isAdministrator, isCoordinator, type Predicate } from '../../access/policy.js';

export const COMMENT = 'comment';

export const COMMENTING_ROLES: readonly Role[] = [
  'administrator',
  'coordinator',
  'editor',
  'contributor',
  'nato_counterpart',
];

const mayComment: Predicate<unknown> = (a) => COMMENTING_ROLES.includes(a.role);
const isAuthor: Predicate<{ author_id?: string }> = (a, comment) =>
  mayComment(a, comment) && Boolean(comment) && comment!.author_id === a.id;

allow('create', COMMENT, mayComment);
allow('update', COMMENT, isAuthor);
allow('delete', COMMENT, isAuthor);
allow('delete', COMMENT, isAdministrator);
allow('delete', COMMENT, isCoordinator);
