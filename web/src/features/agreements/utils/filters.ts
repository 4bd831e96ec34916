/** The register's filters and sort, kept in the address bar so a view can be shared. */
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
} from '../../../../../core/domain/vocabularies.js';

export const AGREEMENT_SORT_KEYS = [
  'kind',
  'title',
  'parties',
  'signedOn',
  'ratifiedOn',
  'inForceFrom',
  'status',
] as const;
export type AgreementSortKey = (typeof AGREEMENT_SORT_KEYS)[number];

export interface AgreementFilters {
  kind: AgreementKind | null;
  status: AgreementStatus | null;
  q: string;
  sort: AgreementSortKey;
  order: 'asc' | 'desc';
}

export const DEFAULT_AGREEMENT_FILTERS: AgreementFilters = {
  kind: null,
  status: null,
  q: '',
  sort: 'signedOn',
  order: 'asc',
};

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseAgreementFilters(params: URLSearchParams): AgreementFilters {
  return {
    kind: oneOf(AGREEMENT_KINDS, params.get('kind')),
    status: oneOf(AGREEMENT_STATUSES, params.get('status')),
    q: (params.get('q') ?? '').slice(0, 200),
    sort: oneOf(AGREEMENT_SORT_KEYS, params.get('sort')) ?? DEFAULT_AGREEMENT_FILTERS.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

export function agreementFiltersToParams(filters: AgreementFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== DEFAULT_AGREEMENT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.order !== 'asc') params.set('order', filters.order);
  return params;
}

export function hasActiveAgreementFilters(filters: AgreementFilters): boolean {
  return filters.kind !== null || filters.status !== null || filters.q.trim() !== '';
}
