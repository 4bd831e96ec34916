/** POST /auth/tokens — issues a token; its secret is in this one answer and nowhere else. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { accessTokensQueryKey, type AccessToken, type TokenScope } from './get-access-tokens.js';

export interface NewAccessToken {
  name: string;
  scopes: TokenScope[];
  /** 1 to 366. */
  expiresInDays: number;
  /** The person's own password, typed again: a token is a credential. */
  currentPassword: string;
}

export const MAX_TOKEN_DAYS = 366;

export function createAccessToken(input: NewAccessToken) {
  return api.post<AccessToken & { token: string }>('/auth/tokens', input);
}

export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccessToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokensQueryKey }),
  });
}
