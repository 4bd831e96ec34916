/** The Serbia–NATO reference data set: facts from shared/reference, in our own words (EN + SR). */
import { plans, type SeedPlan } from '../plans.js';
import { sampleItems, type SampleObjective } from '../sample-items.js';
import { agreementRelations, agreements } from './agreements.js';
import { deployment, markingPolicies } from './markings.js';
import { mechanisms } from './mechanisms.js';
import { organisations } from './organisations.js';
import { timelineEvents } from './timeline.js';
import type {
  SeedAgreement,
  SeedAgreementRelation,
  SeedDeployment,
  SeedMarkingPolicy,
  SeedMechanism,
  SeedOrganisation,
  SeedTimelineEvent,
} from './types.js';

export { agreementRelations, agreements, mechanisms, organisations, timelineEvents };

/** Everything a deployment's data set brings; the fictional partner has the same shape. */
export interface DataSet {
  deployment: SeedDeployment;
  markingPolicies: SeedMarkingPolicy[];
  organisations: SeedOrganisation[];
  mechanisms: SeedMechanism[];
  agreements: SeedAgreement[];
  agreementRelations: SeedAgreementRelation[];
  timelineEvents: SeedTimelineEvent[];
  plans: SeedPlan[];
  /** Illustrative objectives per plan key, per chapter. */
  sampleItems: Record<string, SampleObjective[][]>;
}

export const referenceDataSet: DataSet = {
  deployment,
  markingPolicies,
  organisations,
  mechanisms,
  agreements,
  agreementRelations,
  timelineEvents,
  plans,
  sampleItems,
};
