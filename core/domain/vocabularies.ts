/** Closed vocabularies shared by the server, the API schemas and the web app. */

export const ORGANISATION_KINDS = [
  'government',
  'ministry',
  'ministry_unit',
  'armed_forces',
  'armed_forces_unit',
  'parliament',
  'parliament_body',
  'security_authority',
  'diplomatic_mission',
  'nato_hq',
  'nato_hq_division',
  'nato_command',
  'nato_agency',
  'nato_liaison_office',
  'nato_operation',
  'nato_parliamentary_assembly',
  'ally',
  'partner_state',
  'international_organisation',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which side of the partnership an organisation belongs to. */
export const SIDES = ['partner', 'nato', 'ally', 'other'] as const;
export type Side = (typeof SIDES)[number];

export const MECHANISM_KINDS = [
  'programme',
  'action_plan',
  'planning_review_process',
  'reform_group',
  'liaison_arrangement',
  'parliamentary_cooperation',
  'cooperation_menu',
  'evaluation_programme',
  'other',
] as const;
export type MechanismKind = (typeof MECHANISM_KINDS)[number];

export const AGREEMENT_KINDS = [
  'treaty',
  'un_resolution',
  'military_technical',
  'political_document',
  'status_of_forces',
  'security_agreement',
  'logistics_agreement',
  'partnership_document',
  'other',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = [
  'negotiated',
  'signed',
  'ratified',
  'in_force',
  'approved',
  'completed',
  'superseded',
  'suspended',
  'terminated',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** How one instrument relates to another ("from" → "to"). */
export const AGREEMENT_RELATION_KINDS = [
  'implements',
  'based_on',
  'supersedes',
  'amends',
  'complements',
  'related',
] as const;
export type AgreementRelationKind = (typeof AGREEMENT_RELATION_KINDS)[number];

export const TIMELINE_CATEGORIES = [
  'conflict',
  'agreement',
  'kfor',
  'pfp',
  'parliament',
  'drg',
  'parp',
  'ipap',
  'occ',
  'visit',
  'other',
] as const;
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

/** How exactly a date is known. `range` uses an end date; `approximate` prints as "c. …". */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'range', 'approximate'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PLAN_STATUSES = [
  'drafting',
  'in_consultation',
  'adopted',
  'approved',
  'in_implementation',
  'under_review',
  'closed',
  'superseded',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ACTIVITY_KINDS = [
  'drg_meeting',
  'parp_consultation',
  'kfor_saf_meeting',
  'simultaneous_patrol',
  'nato_pa_session',
  'rose_roth_seminar',
  'committee_visit',
  'exercise',
  'course',
  'visit',
  'conference',
  'expert_staff_talks',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = [
  'planned',
  'confirmed',
  'held',
  'postponed',
  'cancelled',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * Security-label marking policies are data (the marking tables: `marking_policies` and
 * `marking_levels`), never a list in code: each deployment brings its own national scheme.
 * A policy code is written in capitals, e.g. NATO or a deployment's national code.
 */
export const MARKING_POLICY_CODE = /^[A-Z][A-Z0-9_]{0,19}$/;
/** The policy of unmarked records (level PUBLIC, rank 0), present in every deployment. */
export const UNMARKED_POLICY = 'NONE';
