/** GET /audit-log/head — the newest entry's sequence number and hash, to keep elsewhere. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import type { AuditHead } from '../utils/head-file.js';

export function getAuditHead(): Promise<AuditHead> {
  return api.get<AuditHead>('/audit-log/head');
}

/** Read on request (the "Export head" button), never in the background. */
export function useExportAuditHead() {
  return useMutation({ mutationFn: getAuditHead });
}
