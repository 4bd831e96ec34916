/** Organisation trees: building them from the flat list and narrowing them to a search. */
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { searchFold } from '../../../../../core/text/search-fold.js';

export interface OrganisationForest {
  roots: Organisation[];
  childrenOf: ReadonlyMap<string, Organisation[]>;
  parentOf: ReadonlyMap<string, string>;
}

/** Builds the forest; an organisation whose parent is not in the list becomes a root. */
export function buildForest(
  organisations: readonly Organisation[],
  compare: (a: Organisation, b: Organisation) => number,
): OrganisationForest {
  const ids = new Set(organisations.map((o) => o.id));
  const roots: Organisation[] = [];
  const childrenOf = new Map<string, Organisation[]>();
  const parentOf = new Map<string, string>();
  for (const organisation of organisations) {
    const parentId = organisation.parentId;
    if (parentId && ids.has(parentId) && parentId !== organisation.id) {
      parentOf.set(organisation.id, parentId);
      const siblings = childrenOf.get(parentId) ?? [];
      siblings.push(organisation);
      childrenOf.set(parentId, siblings);
    } else {
      roots.push(organisation);
    }
  }
  roots.sort(compare);
  for (const list of childrenOf.values()) list.sort(compare);
  return { roots, childrenOf, parentOf };
}

/** Every ancestor of an organisation, nearest first (guarded against cycles in bad data). */
export function ancestorsOf(id: string, parentOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let current = parentOf.get(id);
  while (current && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    current = parentOf.get(current);
  }
  return out;
}

/** True when the organisation's names, abbreviations or description contain the query, in either script. */
export function matchesQuery(organisation: Organisation, foldedQuery: string): boolean {
  const haystack = [
    organisation.name.en,
    organisation.name.sr,
    organisation.abbreviation.en,
    organisation.abbreviation.sr,
    organisation.description.en,
    organisation.description.sr,
    organisation.nation,
  ]
    .filter((v): v is string => Boolean(v))
    .map(searchFold)
    .join('\n');
  return foldedQuery.split(' ').every((word) => haystack.includes(word));
}

/**
 * The organisations to show for a search: the matches and the ancestors that lead to them.
 * Returns null when there is no query (show everything).
 */
export function visibleForQuery(
  organisations: readonly Organisation[],
  query: string,
  parentOf: ReadonlyMap<string, string>,
): { visible: Set<string>; matches: Set<string> } | null {
  const folded = searchFold(query);
  if (!folded) return null;
  const matches = new Set(organisations.filter((o) => matchesQuery(o, folded)).map((o) => o.id));
  const visible = new Set(matches);
  for (const id of matches) for (const ancestor of ancestorsOf(id, parentOf)) visible.add(ancestor);
  return { visible, matches };
}
