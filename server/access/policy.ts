/**
 * Declarative policies: `allow(action, entity, predicate)` rules per module, `can()` to ask and
 * `authorize()` to enforce. Abilities computed here travel with every response.
 */
import type { Actor } from '../audit/context.js';
import { errors } from '../errors.js';

export type Action = 'create' | 'update' | 'delete';
export type Predicate<R> = (actor: Actor, record: R | undefined) => boolean;

const rules = new Map<string, Predicate<unknown>[]>();

/** Registers a rule: `actor` may do `action` on `entity` when `predicate` holds. */
export function allow<R>(action: Action, entity: string, predicate: Predicate<R>): void {
  const key = `${entity}:${action}`;
  const list = rules.get(key) ?? [];
  list.push(predicate as Predicate<unknown>);
  rules.set(key, list);
}

/** Does any rule let the actor do this? Anonymous visitors never mutate. */
export function can<R>(actor: Actor | null, action: Action, entity: string, record?: R): boolean {
  if (!actor) return false;
  return (rules.get(`${entity}:${action}`) ?? []).some((p) => p(actor, record));
}

/** Throws 401 for anonymous callers and 403 for signed-in callers the rules do not allow. */
export function authorize<R>(
  actor: Actor | null,
  action: Action,
  entity: string,
  record?: R,
): asserts actor is Actor {
  if (!actor) throw errors.unauthenticated();
  if (!can(actor, action, entity, record))
    throw errors.forbidden(`Your role may not ${action} this ${entity.replaceAll('_', ' ')}.`);
}

/** Abilities of the actor on one record, sent to the client with it. */
export function abilitiesFor<R>(actor: Actor | null, entity: string, record: R) {
  return {
    update: can(actor, 'update', entity, record),
    delete: can(actor, 'delete', entity, record),
  };
}

/** Named predicates shared by module policies. */
export const isAdministrator: Predicate<unknown> = (a) => a.role === 'administrator';
export const isCoordinator: Predicate<unknown> = (a) => a.role === 'coordinator';

/**
 * Editors are scoped to the organisations they work in — exactly those, as need-to-know is: they
 * may change records those organisations originated, and the records of those organisations
 * themselves. Membership of a parent organisation does not reach its child organisations (an
 * editor who works for both is given both).
 */
export const isEditorOfOriginator: Predicate<{ label_originator_id?: string | null }> = (
  a,
  record,
) =>
  a.role === 'editor' &&
  Boolean(record?.label_originator_id) &&
  a.organisationIds.includes(record!.label_originator_id!);

export const isEditorOfOrganisation: Predicate<{ id?: string }> = (a, record) =>
  a.role === 'editor' && Boolean(record?.id) && a.organisationIds.includes(record!.id!);
