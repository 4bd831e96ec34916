/** Table types for Kysely. Column names are snake_case; presenters turn rows into API shapes. */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Columns every domain record carries: identity, optimistic-lock version, provenance, label. */
export interface RecordColumns {
  id: string;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  label_policy: string;
  label_level: string;
  label_rank: number;
  label_owner: string;
  /** JSON array of nation or group codes. */
  label_releasable_to: string;
  label_originator_id: string | null;
  search_text: string;
}

export interface MarkingPolicyTable {
  code: string;
  name_en: string;
  name_sr: string;
  position: number;
}

export interface MarkingLevelTable {
  policy_code: string;
  code: string;
  rank: number;
  name_en: string;
  name_sr: string;
  /** May a record at this level be marked releasable to the public? */
  public: number;
}

export interface OrganisationTable extends RecordColumns {
  parent_id: string | null;
  kind: string;
  side: string;
  nation: string;
  name_en: string | null;
  name_sr: string | null;
  abbreviation_en: string | null;
  abbreviation_sr: string | null;
  description_en: string | null;
  description_sr: string | null;
  website: string | null;
  seed_key: string | null;
}

export interface PersonTable extends RecordColumns {
  organisation_id: string | null;
  given_name: string;
  family_name: string;
  position_en: string | null;
  position_sr: string | null;
  email: string | null;
  phone: string | null;
}

export interface MechanismTable extends RecordColumns {
  parent_id: string | null;
  kind: string;
  name_en: string | null;
  name_sr: string | null;
  abbreviation_en: string | null;
  abbreviation_sr: string | null;
  description_en: string | null;
  description_sr: string | null;
  started_on: string | null;
  started_precision: string | null;
  policy_basis_en: string | null;
  policy_basis_sr: string | null;
  seed_key: string | null;
}

export interface MechanismOrganisationTable {
  mechanism_id: string;
  organisation_id: string;
  role: string;
}

export interface AgreementTable extends RecordColumns {
  kind: string;
  title_en: string | null;
  title_sr: string | null;
  short_title_en: string | null;
  short_title_sr: string | null;
  parties_en: string | null;
  parties_sr: string | null;
  signed_on: string | null;
  signed_precision: string | null;
  signed_at_en: string | null;
  signed_at_sr: string | null;
  ratified_on: string | null;
  ratified_precision: string | null;
  in_force_from: string | null;
  in_force_precision: string | null;
  status: string;
  description_en: string | null;
  description_sr: string | null;
  conflict_note_en: string | null;
  conflict_note_sr: string | null;
  mechanism_id: string | null;
  seed_key: string | null;
}

export interface AgreementRelationTable {
  id: string;
  from_agreement_id: string;
  to_agreement_id: string;
  kind: string;
  note_en: string | null;
  note_sr: string | null;
  created_at: string;
  created_by: string | null;
}

/** Citations for any record (timeline events, agreements, mechanisms). */
export interface SourceTable {
  id: string;
  entity_type: string;
  entity_id: string;
  position: number;
  citation: string;
  url: string | null;
}

export interface PlanTable extends RecordColumns {
  mechanism_id: string | null;
  code: string;
  title_en: string | null;
  title_sr: string | null;
  description_en: string | null;
  description_sr: string | null;
  period_start: string | null;
  period_end: string | null;
  status: string;
  sample_data: number;
  seed_key: string | null;
  /** 1: an item's status under reporting changes only through an approved report (migration 0022). */
  status_via_reports: Generated<number>;
  /** 1: an institution reports on the items its units lead too (migration 0022). */
  reporting_includes_units: Generated<number>;
}

export interface PlanLevelTable {
  plan_id: string;
  depth: number;
  name_en: string;
  name_sr: string;
  rollup_rule: string;
}

/** A dated step that brought a plan into force (core/plans/approval-steps.ts). */
export interface PlanApprovalStepTable {
  plan_id: string;
  position: number;
  kind: string;
  label_en: string | null;
  label_sr: string | null;
  on_date: string | null;
  end_date: string | null;
  precision: string | null;
  reference: string | null;
  note_en: string | null;
  note_sr: string | null;
}

export interface PlanItemTable extends RecordColumns {
  plan_id: string;
  parent_id: string | null;
  depth: number;
  position: number;
  code: string;
  title_en: string | null;
  title_sr: string | null;
  description_en: string | null;
  description_sr: string | null;
  status: Generated<string>;
  start_on: string | null;
  /** 'YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn' or 'continuous' (core/plans/due.ts). */
  due_on: string | null;
  lead_organisation_id: string | null;
  weight: Generated<number>;
  manual_progress: number | null;
  budget_amount: number | null;
  budget_currency: string | null;
  funding_source: string | null;
  /** 1: an illustrative item shipped because the plan's real annex is not public. */
  sample_data: Generated<number>;
  /** The item whose delete took this one along (migration 0016); null otherwise. */
  deleted_with: Generated<string | null>;
  /** The user responsible for the item (migration 0022); null when none is named. */
  responsible_user_id: Generated<string | null>;
}

/** Written by a database trigger whenever an item's status, progress or deletion changes. */
export interface PlanItemChangeTable {
  id: Generated<number>;
  plan_item_id: string;
  plan_id: string;
  changed_at: string;
  changed_by: string | null;
  status: string;
  manual_progress: number | null;
  deleted: number;
}

/**
 * Kept totals (migration 0018): live plan items per plan, parent ('' at the top) and label, kept
 * by triggers on plan_items in the writing transaction (server/modules/plan-items/counts.ts).
 */
export interface PlanItemCountTable {
  plan_id: string;
  parent_key: string;
  label_policy: string;
  label_rank: number;
  label_releasable_to: string;
  /** '' when the items have no originator. */
  label_originator: string;
  n: number | string;
}

/** Kept totals (migration 0018): plan items per plan, depth, deleted (0/1) and label. */
export interface PlanItemLabelCountTable {
  plan_id: string;
  depth: number;
  deleted: number;
  label_policy: string;
  label_rank: number;
  label_releasable_to: string;
  label_originator: string;
  n: number | string;
}

/** A plan import: the job that checks (dry run) and commits an uploaded file, with its report. */
export interface PlanImportTable {
  id: string;
  plan_id: string;
  user_id: string;
  file_name: string;
  /** 'csv' | 'xlsx' */
  format: string;
  /** queued | validating | validated | failed | committing | committed */
  status: string;
  progress_done: number;
  progress_total: number;
  failure: string | null;
  /** JSON: counts of the dry run. */
  counts: string | null;
  /** JSON array of headings that matched no column. */
  ignored_headings: string;
  /** JSON array of row outcomes. */
  report: string | null;
  /** JSON: the parsed rows, kept for the commit (any app instance can run it). */
  table_data: string | null;
  /** The plan's state the dry run saw; the commit refuses when it has moved on. */
  fingerprint: string | null;
  /** The process running the job (host/pid/nonce) and when it last said it still is. */
  owner: string | null;
  heartbeat_at: string | null;
  /** The uploaded file, kept until its dry run is done (any instance may run it). Migration 0020. */
  upload: Uint8Array | null;
  /** JSON: the checked operations (creates, updates) the commit replays. */
  ops: string | null;
  /** How many times an instance took the job (a job taken over too often is failed). */
  attempts: Generated<number>;
  /** Where the commit was asked from (its audit entries name it). */
  commit_ip: string | null;
  created_at: string;
  updated_at: string;
}

/** Column mappings chosen in an import's dry run, remembered per plan (migration 0023). */
export interface PlanImportMappingTable {
  plan_id: string;
  /** JSON: { [folded file heading]: field name | 'ignore' }. */
  mapping: string;
  updated_at: string;
  updated_by: string | null;
}

/** A plain-text comment on a record (entity_type + entity_id); label columns as RecordColumns. */
export interface CommentTable extends RecordColumns {
  entity_type: string;
  entity_id: string;
  body: string;
  author_id: string;
  edited_at: string | null;
}

export interface PlanItemPartnerTable {
  plan_item_id: string;
  organisation_id: string;
}

export interface IndicatorTable {
  id: string;
  version: number;
  plan_item_id: string;
  position: number;
  /** 'quantitative' (numbers only) or 'qualitative' (text). */
  kind: string;
  name_en: string | null;
  name_sr: string | null;
  unit: string | null;
  baseline_value: number | null;
  baseline_text: string | null;
  baseline_year: number | null;
  target_value: number | null;
  target_text: string | null;
  target_year: number | null;
  source_of_verification: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MeasurementTable {
  id: string;
  indicator_id: string;
  measured_on: string;
  value: number | null;
  value_text: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ReportingPeriodTable {
  id: string;
  version: number;
  plan_id: string;
  /** quarter | half_year | year | cycle */
  kind: string;
  starts_on: string;
  ends_on: string;
  title: string;
  /** open | locked */
  status: string;
  opened_by: string | null;
  opened_at: string;
  locked_at: string | null;
}

export interface ProgressReportTable {
  id: string;
  version: number;
  period_id: string;
  plan_item_id: string;
  /** draft | submitted | returned | approved */
  status: string;
  item_status: string;
  progress: number | null;
  narrative: string | null;
  /** JSON array of {title, url}. */
  evidence: string;
  /** JSON array of {indicatorId, value}: recorded as measurements when the report is approved. */
  indicator_values: Generated<string>;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityTable extends RecordColumns {
  mechanism_id: string | null;
  kind: string;
  status: string;
  title_en: string | null;
  title_sr: string | null;
  description_en: string | null;
  description_sr: string | null;
  starts_on: string;
  ends_on: string | null;
  venue_en: string | null;
  venue_sr: string | null;
  host_side: string | null;
  organiser_id: string | null;
}

export interface TimelineEventTable extends RecordColumns {
  starts_on: string;
  ends_on: string | null;
  precision: string;
  /** 'YYYY-MM-DD' of the earliest day the event can be, for sorting and period filters. */
  sort_from: string;
  /** 'YYYY-MM-DD' of the latest day the event can be. */
  sort_to: string;
  category: string;
  title_en: string | null;
  title_sr: string | null;
  description_en: string | null;
  description_sr: string | null;
  conflict_note_en: string | null;
  conflict_note_sr: string | null;
  seed_key: string | null;
}

export interface RecordLinkTable {
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  /** JSON text. */
  before_state: string | null;
  after_state: string | null;
  prev_hash: string;
  hash: string;
}

export interface UserTable {
  id: string;
  version: number;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  nation: string;
  organisation_id: string | null;
  locale: string;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  /** Base32 TOTP secret: pending while totp_enabled is 0, the second factor once it is 1. */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  /** The last 30-second step whose code signed in: a code is accepted once (RFC 6238 §5.2). */
  totp_last_step: number | null;
}

/** A user's clearance in one marking policy: the highest rank they may read (migration 0015). */
export interface UserClearanceTable {
  user_id: string;
  policy_code: string;
  rank: number;
}

/** The deployment's own settings (partner nation, default owner, default label), JSON values. */
export interface DeploymentSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface UserOrganisationTable {
  user_id: string;
  organisation_id: string;
}

export interface AccessGrantTable {
  id: string;
  user_id: string;
  entity_type: string;
  entity_id: string;
  granted_by: string | null;
  granted_at: string;
  expires_at: string | null;
  note: string | null;
}

export interface SessionTable {
  /** sha256 of the token: a database leak does not hand out live sessions. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** Personal access tokens for integrations; only the sha256 of a token is stored. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** The first characters of the token, so its owner can tell tokens apart. */
  prefix: string;
  /** JSON text: an array of 'read' | 'write'. */
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface Database {
  marking_policies: MarkingPolicyTable;
  marking_levels: MarkingLevelTable;
  organisations: OrganisationTable;
  persons: PersonTable;
  mechanisms: MechanismTable;
  mechanism_organisations: MechanismOrganisationTable;
  agreements: AgreementTable;
  agreement_relations: AgreementRelationTable;
  sources: SourceTable;
  plans: PlanTable;
  plan_levels: PlanLevelTable;
  plan_approval_steps: PlanApprovalStepTable;
  plan_items: PlanItemTable;
  plan_import_mappings: PlanImportMappingTable;
  plan_imports: PlanImportTable;
  plan_item_changes: PlanItemChangeTable;
  plan_item_counts: PlanItemCountTable;
  plan_item_label_counts: PlanItemLabelCountTable;
  comments: CommentTable;
  activities: ActivityTable;
  timeline_events: TimelineEventTable;
  record_links: RecordLinkTable;
  audit_log: AuditLogTable;
  users: UserTable;
  sessions: SessionTable;
  user_organisations: UserOrganisationTable;
  user_clearances: UserClearanceTable;
  deployment_settings: DeploymentSettingTable;
  access_grants: AccessGrantTable;
  plan_item_partners: PlanItemPartnerTable;
  indicators: IndicatorTable;
  measurements: MeasurementTable;
  reporting_periods: ReportingPeriodTable;
  progress_reports: ProgressReportTable;
  api_tokens: ApiTokenTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type AgreementRow = Selectable<AgreementTable>;
export type TimelineEventRow = Selectable<TimelineEventTable>;
export type MechanismRow = Selectable<MechanismTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanItemRow = Selectable<PlanItemTable>;
export type PlanApprovalStepRow = Selectable<PlanApprovalStepTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type PersonRow = Selectable<PersonTable>;
export type UserRow = Selectable<UserTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
