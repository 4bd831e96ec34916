/** The marking schemes and their levels are data on the server; the names come from there. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.js';

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
