/**
 * Which partner deployment the API tests run against: the reference data set, or the fictional
 * partner when LIAISON_TEST_PARTNER=fictional (vitest project api-fictional). Tests that need the
 * partner's nation, its national marking policy or the default label read them here instead of
 * naming a nation.
 */
import { DATA_SETS } from '../seed/load-reference.js';

export type TestPartner = 'reference' | 'fictional';

export const testPartner: TestPartner =
  process.env.LIAISON_TEST_PARTNER === 'fictional' ? 'fictional' : 'reference';

const data = DATA_SETS[testPartner];
const national = data.markingPolicies[0]!;
const lowestMarked = national.levels.filter((l) => l.rank > 0).sort((a, b) => a.rank - b.rank)[0]!;
const secondMarked = national.levels.filter((l) => l.rank > lowestMarked.rank)[0]!;

/** The deployment under test, as data. */
export const deployment = {
  dataSet: data,
  /** The partner nation's code. */
  nation: data.deployment.partnerNation,
  /** Owner of labels that name none. */
  defaultOwner: data.deployment.defaultOwner,
  /** The label of a record created without one. */
  defaultLabel: { ...data.deployment.defaultLabel, owner: data.deployment.defaultOwner },
  /** The partner's own marking policy code and two of its levels (rank 1 and the next). */
  nationalPolicy: national.code,
  nationalLevel: lowestMarked.code,
  nationalHigherLevel: secondMarked.code,
};
