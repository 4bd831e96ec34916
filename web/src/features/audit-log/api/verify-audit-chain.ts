/**
 * GET /audit-log/verify — recomputes the hash chain; given a head kept elsewhere (seq + hash), also
 * says whether that entry is still in the chain, which detects a log cut short and rebuilt.
 */
import { useMutation } from '@tanstack/react-query';
import type { AuditVerifyOut } from '../../../../../core/schemas/audit-log.js';
import { api } from '../../../lib/api-client.js';

/** The chain check's answer. */
export type ChainVerification = AuditVerifyOut;

export function verifyAuditChain(savedHead?: { seq: number; hash: string }) {
  return api.get<ChainVerification>('/audit-log/verify', savedHead);
}

/** Run on request: verifying reads the whole log. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
