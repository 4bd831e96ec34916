/** GET /audit-log — the hash-chained log, newest first, filtered on the server. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListPage } from '../../../lib/api-client.js';
import type { AuditEntry } from '../../../../../core/schemas/audit-log.js';
import { auditLogQuery, type AuditLogFilters } from '../utils/filters.js';

export type { AuditEntry };

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
