/** POST /auth/totp/setup — a new secret for the authenticator app; nothing is on until confirmed. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface TwoFactorSetup {
  /** Base32, to type into an authenticator app. */
  secret: string;
  /** The same secret as an otpauth:// address, which authenticator apps open. */
  otpauthUri: string;
}

export function setUpTwoFactor(): Promise<TwoFactorSetup> {
  return api.post<TwoFactorSetup>('/auth/totp/setup');
}

export function useSetUpTwoFactor() {
  return useMutation({ mutationFn: setUpTwoFactor });
}
