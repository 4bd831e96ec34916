/** POST /auth/totp/disable — turns two-factor sign-in off, confirmed with the password. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export function disableTwoFactor(currentPassword: string): Promise<void> {
  return api.post<void>('/auth/totp/disable', { currentPassword });
}

export function useDisableTwoFactor() {
  return useMutation({ mutationFn: disableTwoFactor });
}
