import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { ancestorsOf, buildForest, visibleForQuery } from './tree.js';

function org(id: string, parentId: string | null, en: string, sr: string): Organisation {
  return {
    id,
    parentId,
    kind: 'ministry',
    side: 'partner',
    nation: 'RS',
    name: { en, sr },
    abbreviation: { en: null, sr: null },
    description: { en: null, sr: null },
    website: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
    label: {
      policy: 'NATO',
      level: 'PUBLIC',
      releasableTo: ['PUBLIC'],
      owner: 'RS',
      originatorId: null,
    },
    abilities: { update: false, delete: false },
  };
}

const list = [
  org('mod', null, 'Ministry of Defence', 'Министарство одбране'),
  org('pol', 'mod', 'Defence Policy Sector', 'Сектор за политику одбране'),
  org('dir', 'pol', 'International Cooperation Department', 'Управа за међународну сарадњу'),
  org('saf', null, 'Serbian Armed Forces', 'Војска Србије'),
];

describe('organisation trees', () => {
  it('nests organisations under their parents', () => {
    const forest = buildForest(list, (a, b) => (a.name.en ?? '').localeCompare(b.name.en ?? ''));
    expect(forest.roots.map((o) => o.id)).toEqual(['mod', 'saf']);
    expect(forest.childrenOf.get('pol')?.map((o) => o.id)).toEqual(['dir']);
    expect(ancestorsOf('dir', forest.parentOf)).toEqual(['pol', 'mod']);
  });

  it('finds Cyrillic names from a Latin query without diacritics, keeping the path to them', () => {
    const forest = buildForest(list, () => 0);
    const result = visibleForQuery(list, 'medjunarodnu saradnju', forest.parentOf);
    expect(result && [...result.matches]).toEqual(['dir']);
    expect(result && [...result.visible].sort()).toEqual(['dir', 'mod', 'pol']);
  });

  it('shows everything when the query is blank', () => {
    expect(visibleForQuery(list, '   ', new Map())).toBeNull();
  });
});
