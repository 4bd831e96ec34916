import { describe, expect, it } from 'vitest';
import {
  auditLogFiltersToParams,
  auditLogQuery,
  EMPTY_AUDIT_FILTERS,
  hasActiveAuditFilters,
  parseAuditLogFilters,
} from './filters.js';

const id = '0192d7a0-7c1e-7000-8000-000000000000';

describe('the audit log filters in the address bar', () => {
  it('survive a round trip', () => {
    const filters = {
      action: 'user.',
      actorId: id,
      entityType: 'user',
      entityId: id,
      from: '2026-01-01',
      to: '2026-01-31',
      page: 3,
    };
    expect(parseAuditLogFilters(auditLogFiltersToParams(filters))).toEqual(filters);
  });

  it('drop values the API would refuse', () => {
    const filters = parseAuditLogFilters(
      new URLSearchParams('actorId=nobody&from=yesterday&page=-2'),
    );
    expect(filters).toEqual(EMPTY_AUDIT_FILTERS);
    expect(hasActiveAuditFilters(filters)).toBe(false);
  });

  it('ask the API for whole days where the reader is', () => {
    const query = auditLogQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-01-01', to: '2026-01-01' });
    const from = new Date(query.from ?? '');
    const to = new Date(query.to ?? '');
    expect(to.getTime() - from.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(from.getHours()).toBe(0);
  });

  it('leave out an entity id that is not a UUID', () => {
    expect(auditLogQuery({ ...EMPTY_AUDIT_FILTERS, entityId: 'abc' }).entityId).toBeUndefined();
  });
});
