/** GET /audit-log — the hash-chained log, newest first, filtered on the server. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListPage } from '../../../lib/api-client.js';
import { auditLogQuery, type AuditLogFilters } from '../utils/filters.js';

export interface AuditEntry {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
  /** The entry is about a record the reader may not see: its id and before/after are withheld. */
  redacted: boolean;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditLogQueryOptions = (filters: AuditLogFilters) => {
  const query = { ...auditLogQuery(filters), page: filters.page, pageSize: AUDIT_PAGE_SIZE };
  return queryOptions({
    queryKey: ['audit-log', 'list', query],
    queryFn: ({ signal }) => api.get<ListPage<AuditEntry>>('/audit-log', query, signal),
    // The log grows while one reads it; a fresh look is always wanted.
    staleTime: 0,
  });
};

export function useAuditLog(filters: AuditLogFilters) {
  return useQuery({ ...auditLogQueryOptions(filters), placeholderData: keepPreviousData });
}
