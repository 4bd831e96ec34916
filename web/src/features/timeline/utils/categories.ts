import type { TimelineCategory } from '../../../../../core/domain/vocabularies.js';

/** One Mantine colour per category, used by badges, chips and the dots on the rail. */
export const CATEGORY_COLORS: Readonly<Record<TimelineCategory, string>> = {
  conflict: 'red',
  agreement: 'grape',
  kfor: 'teal',
  pfp: 'navy',
  parliament: 'violet',
  drg: 'cyan',
  parp: 'indigo',
  ipap: 'blue',
  occ: 'orange',
  visit: 'green',
  other: 'gray',
};
