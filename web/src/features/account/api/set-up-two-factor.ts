/** POST /auth/totp/setup — a new secret for the authenticator app; nothing is on until confirmed. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface TwoFactorSetup {
  /** Base32, to type into an authenticator app. */
  secret: string;
  /** The same secret as an otpauth:// address, which authenticator apps open. */
  otpauthUri: string;
}

/** Confirmed with the person's own password: a second factor is a credential. */
export function setUpTwoFactor(currentPassword: string): Promise<TwoFactorSetup> {
  return api.post<TwoFactorSetup>('/auth/totp/setup', { currentPassword });
}

export function useSetUpTwoFactor() {
  return useMutation({ mutationFn: setUpTwoFactor });
}
