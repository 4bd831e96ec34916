/** GET /auth/tokens — the user's personal access tokens (never their secrets), newest first. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface AccessToken {
  id: string;
  /** 1 until revoked: sent back as If-Match to revoke it. */
  version: number;
  name: string;
  scopes: TokenScope[];
  /** The first characters of the token, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: TokenStatus;
}

export const accessTokensQueryKey = ['account', 'access-tokens'] as const;

export const accessTokensQueryOptions = () =>
  queryOptions({
    queryKey: accessTokensQueryKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: AccessToken[] }>('/auth/tokens', undefined, signal)).items,
  });

export function useAccessTokens() {
  return useQuery(accessTokensQueryOptions());
}
