/** The Serbia–NATO reference data set: facts from shared/reference, in our own words (EN + SR). */
import { agreementRelations, agreements } from './agreements.js';
import { mechanisms } from './mechanisms.js';
import { organisations } from './organisations.js';
import { timelineEarly } from './timeline-early.js';
import { timelineLate } from './timeline-late.js';

export const referenceDataSet = {
  organisations,
  mechanisms,
  agreements,
  agreementRelations,
  timelineEvents: [...timelineEarly, ...timelineLate],
};
