/** The Serbian marking scheme and the reference deployment's settings (partner: Serbia). */
import type { SeedDeployment, SeedMarkingPolicy } from './types.js';

export const markingPolicies: SeedMarkingPolicy[] = [
  {
    code: 'RS',
    name: { en: 'Republic of Serbia', sr: 'Република Србија' },
    position: 2,
    levels: [
      {
        code: 'UNMARKED',
        rank: 1,
        name: { en: 'Unmarked (official use)', sr: 'Без ознаке (службена употреба)' },
        public: false,
      },
      { code: 'INTERNO', rank: 2, name: { en: 'INTERNO', sr: 'ИНТЕРНО' }, public: false },
      { code: 'POVERLJIVO', rank: 3, name: { en: 'POVERLJIVO', sr: 'ПОВЕРЉИВО' }, public: false },
      {
        code: 'STROGO_POVERLJIVO',
        rank: 4,
        name: { en: 'STROGO POVERLJIVO', sr: 'СТРОГО ПОВЕРЉИВО' },
        public: false,
      },
      {
        code: 'DRZAVNA_TAJNA',
        rank: 5,
        name: { en: 'DRŽAVNA TAJNA', sr: 'ДРЖАВНА ТАЈНА' },
        public: false,
      },
    ],
  },
];

/** New records are NATO UNCLASSIFIED, releasable to Serbia and NATO, owned by Serbia. */
export const deployment: SeedDeployment = {
  name: 'Serbia–NATO reference data set',
  partnerNation: 'RS',
  defaultOwner: 'RS',
  defaultLabel: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['NATO', 'RS'] },
};
