/** Who may change plan items: coordinators and administrators; editors the items their organisation leads. */
import { allow, isAdministrator, isCoordinator, type Predicate } from '../../access/policy.js';
import type { Actor } from '../../audit/context.js';

export const PLAN_ITEM = 'plan_item';

const isEditorOfLead: Predicate<{ lead_organisation_id?: string | null }> = (a, item) =>
  a.role === 'editor' &&
  Boolean(item?.lead_organisation_id) &&
  a.organisationIds.includes(item!.lead_organisation_id!);

for (const action of ['create', 'update', 'delete'] as const) {
  allow(action, PLAN_ITEM, isAdministrator);
  allow(action, PLAN_ITEM, isCoordinator);
}
allow('update', PLAN_ITEM, isEditorOfLead);

/**
 * Who may set an item's status by hand in a plan whose statuses come from approved reports (with a
 * reason): the plan's coordinators and administrators, who approve the reports themselves.
 */
export function mayOverrideStatus(actor: Actor): boolean {
  return isCoordinator(actor, undefined) || isAdministrator(actor, undefined);
}
