/** The audit log's filters, read from and written to the address bar so a view can be shared. */
import { isUuid } from '../../../../../core/ids/uuidv7.js';
import { endOfDayIso, startOfDayIso } from '../../../lib/date-input.js';

export interface AuditLogFilters {
  /** The start of the action, e.g. "user." or "auth.login". */
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  /** Calendar days as typed, YYYY-MM-DD; '' for no limit. */
  from: string;
  to: string;
  page: number;
}

export const EMPTY_AUDIT_FILTERS: AuditLogFilters = {
  action: '',
  actorId: null,
  entityType: '',
  entityId: '',
  from: '',
  to: '',
  page: 1,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditLogFilters(params: URLSearchParams): AuditLogFilters {
  const text = (key: string, max: number) => (params.get(key) ?? '').trim().slice(0, max);
  const actorId = params.get('actorId');
  const from = text('from', 10);
  const to = text('to', 10);
  const page = Number(params.get('page') ?? '1');
  return {
    action: text('action', 100),
    actorId: actorId && isUuid(actorId) ? actorId : null,
    entityType: text('entityType', 50),
    entityId: text('entityId', 36),
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function auditLogFiltersToParams(filters: AuditLogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.entityType.trim()) params.set('entityType', filters.entityType.trim());
  if (filters.entityId.trim()) params.set('entityId', filters.entityId.trim());
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function hasActiveAuditFilters(filters: AuditLogFilters): boolean {
  return auditLogFiltersToParams({ ...filters, page: 1 }).toString() !== '';
}

/**
 * The query the API understands: days become the first and last moment of those days where the
 * reader is; an entity id that is not a UUID is left out (the form refuses it anyway).
 */
export function auditLogQuery(filters: AuditLogFilters) {
  return {
    action: filters.action.trim() || undefined,
    actorId: filters.actorId ?? undefined,
    entityType: filters.entityType.trim() || undefined,
    entityId: isUuid(filters.entityId.trim()) ? filters.entityId.trim().toLowerCase() : undefined,
    from: filters.from ? (startOfDayIso(filters.from) ?? undefined) : undefined,
    to: filters.to ? (endOfDayIso(filters.to) ?? undefined) : undefined,
  };
}
