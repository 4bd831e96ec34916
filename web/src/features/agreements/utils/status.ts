import type { AgreementStatus } from '../../../../../core/domain/vocabularies.js';

/** Badge colours: green for instruments that bind now, grey for those that no longer do. */
export const STATUS_COLORS: Readonly<Record<AgreementStatus, string>> = {
  negotiated: 'yellow',
  signed: 'blue',
  ratified: 'cyan',
  in_force: 'green',
  approved: 'teal',
  completed: 'gray',
  superseded: 'gray',
  suspended: 'orange',
  terminated: 'red',
};
