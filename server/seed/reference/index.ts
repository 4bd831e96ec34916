/** The Serbia–NATO reference data set: facts from shared/reference, in our own words (EN + SR). */
import { agreementRelations, agreements } from './agreements.js';
import { mechanisms } from './mechanisms.js';
import { organisations } from './organisations.js';
import { timelineEvents } from './timeline.js';

export { agreementRelations, agreements, mechanisms, organisations, timelineEvents };

export const referenceDataSet = {
  organisations,
  mechanisms,
  agreements,
  agreementRelations,
  timelineEvents,
};
