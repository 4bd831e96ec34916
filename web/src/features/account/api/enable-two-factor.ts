/** POST /auth/totp/enable — a code from the app proves it holds the secret; the factor is on. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export function enableTwoFactor(code: string): Promise<void> {
  return api.post<void>('/auth/totp/enable', { code });
}

export function useEnableTwoFactor() {
  return useMutation({ mutationFn: enableTwoFactor });
}
