/** GET /auth/me — who is signed in; anonymous visitors get null, not an error. */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../../core/domain/roles.js';
import { api, isApiError, setCsrfToken } from '../../../lib/api-client.js';

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  nation: string;
  /** Highest marking rank the user may read, per marking policy. */
  clearances: Record<string, number>;
  organisationIds: string[];
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

export interface Me {
  user: CurrentUser;
  csrfToken: string;
  abilities: { manageReferenceData: boolean; administer: boolean };
}

export const meQueryKey = ['auth', 'me'] as const;

/** Reads the session; also hands the CSRF token to the API client for later writes. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me', undefined, signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Reads the session afresh (after a change to the account that /auth/me reports). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meQueryKey });
}
