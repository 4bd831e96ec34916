/** The marking schemes and their levels are data on the server; the names come from there. */
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

export const markingLevelsQueryOptions = () =>
  queryOptions({
    queryKey: ['marking-levels'],
    queryFn: ({ signal }) =>
      api.get<{ items: MarkingLevel[]; maxRank: number }>('/marking-levels', undefined, signal),
    staleTime: Infinity,
  });

export function useMarkingLevels() {
  return useQuery(markingLevelsQueryOptions());
}

/** The marking policies a user holds a clearance in (`clearances: {NATO, RS}`). */
export const CLEARANCE_POLICIES = ['NATO', 'RS'] as const;
export type ClearancePolicy = (typeof CLEARANCE_POLICIES)[number];

/** The highest clearance rank the API accepts. */
export const MAX_CLEARANCE_RANK = 5;

/**
 * The level a clearance of `rank` reaches in `policy`: the policy's level of that rank, if it has
 * one. Rank 0 means public information only (the RS policy has no level of rank 0).
 */
export function levelAtRank(
  levels: readonly MarkingLevel[],
  policy: ClearancePolicy,
  rank: number,
): MarkingLevel | undefined {
  return levels.find((l) => l.policy === policy && l.rank === rank);
}

/**
 * Names a clearance in the reader's language: the name of the level it reaches ("NATO
 * UNCLASSIFIED", "Без ознаке (службена употреба)"), or "Public information only" for rank 0.
 */
export function useClearanceName(): (policy: ClearancePolicy, rank: number) => string {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { data } = useMarkingLevels();
  return (policy, rank) => {
    if (rank <= 0) return t('clearance.publicOnly');
    const level = data ? levelAtRank(data.items, policy, rank) : undefined;
    return level ? localiser.text(level.name) : t('clearance.rank', { rank });
  };
}
