/**
 * GET /audit-log/verify — recomputes the hash chain; given a head kept elsewhere (seq + hash), also
 * says whether that entry is still in the chain, which detects a log cut short and rebuilt.
 */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headHash: string;
  firstBad?: { seq: number; reason: string };
  matchesExpectedHead?: boolean;
}

export function verifyAuditChain(savedHead?: { seq: number; hash: string }) {
  return api.get<ChainVerification>('/audit-log/verify', savedHead);
}

/** Run on request: verifying reads the whole log. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
