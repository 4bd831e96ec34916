/** Shapes of the reference data set. Keys are stable slugs used only to link records while seeding. */
import type {
  AgreementKind,
  AgreementRelationKind,
  AgreementStatus,
  DatePrecision,
  MechanismKind,
  OrganisationKind,
  Side,
  TimelineCategory,
} from '../../../core/domain/vocabularies.js';

/** English and Serbian. Serbian is written in Cyrillic (it converts losslessly to Latin). */
export interface SeedText {
  en: string;
  sr: string;
}

/**
 * A date as precisely as it is known: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
 * `precision` says how to read it; `range` needs `end`; `approximate` prints as "c. …".
 */
export interface SeedDate {
  date: string;
  end?: string;
  precision: DatePrecision;
}

export interface SeedSource {
  /** Short citation in our own words: publisher, title or page, date of the article if known. */
  citation: string;
  url?: string;
}

export interface SeedLabel {
  /** A marking policy code: NATO, NONE or the data set's own national policy. */
  policy: string;
  /** Level code from the marking tables, e.g. 'PUBLIC', 'NATO_UNCLASSIFIED', 'UNMARKED'. */
  level: string;
  /** Nation or group codes, e.g. ['RS', 'NATO'], or ['PUBLIC']. */
  releasableTo: string[];
}

export interface SeedOrganisation {
  key: string;
  parent?: string;
  kind: OrganisationKind;
  side: Side;
  /** ISO 3166 alpha-2 country code, or 'NATO' for NATO bodies. */
  nation: string;
  name: SeedText;
  abbreviation?: SeedText;
  description?: SeedText;
  website?: string;
  label?: SeedLabel;
}

export interface SeedMechanism {
  key: string;
  parent?: string;
  kind: MechanismKind;
  name: SeedText;
  abbreviation?: SeedText;
  description: SeedText;
  startedOn?: SeedDate;
  policyBasis?: SeedText;
  /** Organisation keys that lead the mechanism on either side. */
  leadOrganisations: string[];
  sources: SeedSource[];
  label?: SeedLabel;
}

export interface SeedAgreement {
  key: string;
  kind: AgreementKind;
  title: SeedText;
  shortTitle?: SeedText;
  /** The parties in words, e.g. "Government of the Republic of Serbia; NATO". */
  parties: SeedText;
  signedOn?: SeedDate;
  signedAt?: SeedText;
  ratifiedOn?: SeedDate;
  inForceFrom?: SeedDate;
  status: AgreementStatus;
  description: SeedText;
  /** Mechanism key under which the instrument operates, if any. */
  mechanism?: string;
  sources: SeedSource[];
  /** Where sources disagree or a date is uncertain, say so. */
  conflictNote?: SeedText;
  label?: SeedLabel;
}

export interface SeedAgreementRelation {
  from: string;
  to: string;
  kind: AgreementRelationKind;
  note?: SeedText;
}

export interface SeedTimelineEvent {
  key: string;
  when: SeedDate;
  category: TimelineCategory;
  title: SeedText;
  description?: SeedText;
  sources: SeedSource[];
  conflictNote?: SeedText;
  /** Keys of related mechanisms, agreements or organisations. */
  related?: string[];
  label?: SeedLabel;
}

/** One level of a marking policy, lowest rank first. */
export interface SeedMarkingLevel {
  code: string;
  rank: number;
  name: SeedText;
  /** True for the level whose records may be released to the public (rank 0 only). */
  public: boolean;
}

/** A marking policy the data set brings (NATO and the unmarked policy ship with the schema). */
export interface SeedMarkingPolicy {
  code: string;
  name: SeedText;
  position: number;
  levels: SeedMarkingLevel[];
}

/** The deployment's settings the data set stores in deployment_settings. */
export interface SeedDeployment {
  /** The partner nation's code. */
  partnerNation: string;
  /** Owner of labels that name none. */
  defaultOwner: string;
  /** The label of a record created without one: never public. */
  defaultLabel: { policy: string; level: string; releasableTo: string[] };
  /** Name of the deployment in log lines ("the Serbia–NATO reference data set"). */
  name: string;
}
