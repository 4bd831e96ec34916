// TEMPORARY stub (being replaced by the reference data set).
import type {
  SeedAgreement,
  SeedAgreementRelation,
  SeedMechanism,
  SeedOrganisation,
  SeedTimelineEvent,
} from './types.js';
export const referenceDataSet = {
  organisations: [] as SeedOrganisation[],
  mechanisms: [] as SeedMechanism[],
  agreements: [] as SeedAgreement[],
  agreementRelations: [] as SeedAgreementRelation[],
  timelineEvents: [] as SeedTimelineEvent[],
};
