/**
 * The marking schemes and their levels are data on the server, and so are the deployment's
 * defaults (partner nation, default label): the names and choices come from there, never from a
 * list in the web app.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api-client.js';
import { useLocalised } from './use-localised.js';

export interface MarkingLevel {
  policy: string;
  code: string;
  rank: number;
  name: { en: string; sr: string };
  public: boolean;
  allowed: boolean;
}

/** The deployment's settings the forms start from. */
export interface DeploymentDefaults {
  partnerNation: string | null;
  defaultOwner: string;
  /** The label of a record saved without one; never public. */
  defaultLabel: { policy: string; level: string; releasableTo: string[]; owner: string };
}

export interface MarkingLevels {
  items: MarkingLevel[];
  maxRank: number;
  /** The policies with their own names (NATO, the deployment's national scheme…). */
  policies: { code: string; name: { en: string; sr: string } }[];
  deployment: DeploymentDefaults;
}

export const markingLevelsQueryOptions = () =>
  queryOptions({
    queryKey: ['marking-levels'],
    queryFn: ({ signal }) => api.get<MarkingLevels>('/marking-levels', undefined, signal),
    staleTime: Infinity,
  });

export function useMarkingLevels() {
  return useQuery(markingLevelsQueryOptions());
}

/**
 * The marking policies a user may hold a clearance in: those with a level above the public one,
 * in the server's order (NATO, then the deployment's national scheme).
 */
export function clearancePolicies(levels: readonly MarkingLevel[]): string[] {
  const policies: string[] = [];
  for (const l of levels) if (l.rank > 0 && !policies.includes(l.policy)) policies.push(l.policy);
  return policies;
}

/** The levels of one policy a clearance may name (above the public one), lowest first. */
export function clearanceLevels(levels: readonly MarkingLevel[], policy: string): MarkingLevel[] {
  return levels.filter((l) => l.policy === policy && l.rank > 0);
}

/**
 * The clearances a new account gets when the administrator changes nothing (the server's default):
 * in each policy, its highest level the deployment may hold.
 */
export function defaultClearances(levels: readonly MarkingLevel[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const policy of clearancePolicies(levels)) {
    const held = clearanceLevels(levels, policy).filter((l) => l.allowed);
    const top = held[held.length - 1];
    if (top) result[policy] = top.code;
  }
  return result;
}

/**
 * The level a clearance of `rank` reaches in `policy`: the policy's level of that rank, if it has
 * one. Rank 0 means public information only.
 */
export function levelAtRank(
  levels: readonly MarkingLevel[],
  policy: string,
  rank: number,
): MarkingLevel | undefined {
  return levels.find((l) => l.policy === policy && l.rank === rank);
}

/** A policy's name in the reader's language: the marking policy's own name from the server. */
export function usePolicyName(): (policy: string) => string {
  const localiser = useLocalised();
  const { data } = useMarkingLevels();
  return (policy) => {
    const found = data?.policies.find((p) => p.code === policy);
    return found ? localiser.text(found.name) : policy;
  };
}

/**
 * Names a clearance in the reader's language: the name of the level it reaches ("NATO
 * UNCLASSIFIED", a national level's name), or "Public information only" for rank 0.
 */
export function useClearanceName(): (policy: string, rank: number) => string {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { data } = useMarkingLevels();
  return (policy, rank) => {
    if (rank <= 0) return t('clearance.publicOnly');
    const level = data ? levelAtRank(data.items, policy, rank) : undefined;
    return level ? localiser.text(level.name) : t('clearance.rank', { rank });
  };
}
