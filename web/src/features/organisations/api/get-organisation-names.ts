/** The organisations as an id → record map, for pages that only need to name them. */
import { useQuery } from '@tanstack/react-query';
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { organisationsQueryOptions } from './get-organisations.js';

export function useOrganisationsById() {
  return useQuery({
    ...organisationsQueryOptions(),
    select: (organisations: Organisation[]) => new Map(organisations.map((o) => [o.id, o])),
  });
}
