/**
 * The one way the web app talks to the server: JSON over fetch, cookies sent, the CSRF token
 * added to every state-changing request, and the API's error shape turned into an ApiError.
 */

export const API_BASE = '/api/v1';

/** A failed API call, with the stable code from the server's error catalogue. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable code such as `not_found`, `unauthenticated`, `validation_failed`, `network_error`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The server's message key (`validation.too_small`), for words in the reader's language. */
    readonly key?: string,
    /** The parameters of `key` (numbers, field names). */
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True for 412: someone else saved the record after it was read; nothing was written. */
  get isStale(): boolean {
    return this.status === 412;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Query-string values: arrays are sent comma-separated; empty values are left out. */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Record<string, QueryValue>;

export function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

let csrfToken: string | null = null;

/** The token the server gave with the session; sent as X-CSRF-Token on POST, PATCH, PUT, DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A record read together with its ETag, which a later PATCH sends back as If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

type UnauthenticatedListener = (path: string) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Calls `listener` whenever the server answers 401, with the path that was asked for. The app uses
 * it to notice a session that ended while the user was working. Returns the unsubscribe function.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown; key?: unknown; params?: unknown };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : `${response.status} ${response.statusText}`.trim();
  const key = body?.error?.key;
  const params = body?.error?.params;
  return new ApiError(
    response.status,
    code,
    message,
    body?.error?.details,
    typeof key === 'string' ? key : undefined,
    isRecord(params) ? params : {},
  );
}

/** Sends one request to /api/v1; failures (network, non-2xx) become an ApiError. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const params = toSearchParams(options.query).toString();
  const url = `${API_BASE}${path}${params ? `?${params}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (!response.ok) {
    if (response.status === 401) for (const listener of unauthenticatedListeners) listener(path);
    throw await toApiError(response);
  }
  return response;
}

async function bodyOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends one request to /api/v1 and gives the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return bodyOf<T>(await send(path, options));
}

/** Like apiRequest, keeping the ETag the server sent with the record. */
export async function apiRequestVersioned<T>(
  path: string,
  options: RequestOptions = {},
): Promise<Versioned<T>> {
  const response = await send(path, options);
  return { data: await bodyOf<T>(response), etag: response.headers.get('etag') };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  /** GET of one record with its ETag (for a later If-Match). */
  getVersioned: <T>(path: string, signal?: AbortSignal) => apiRequestVersioned<T>(path, { signal }),
  /** POST; an action on an existing record (approve, lock…) sends If-Match like a PATCH. */
  post: <T>(path: string, body?: unknown, ifMatch?: string) =>
    apiRequest<T>(path, {
      method: 'POST',
      body,
      headers: ifMatch ? { 'If-Match': ifMatch } : undefined,
    }),
  /** PATCH with If-Match: the server answers 412 when someone else changed the record meanwhile. */
  patch: <T>(path: string, body: unknown, ifMatch: string | null) =>
    apiRequestVersioned<T>(path, {
      method: 'PATCH',
      body,
      headers: ifMatch ? { 'If-Match': ifMatch } : undefined,
    }),
  /** DELETE with If-Match: the version of the record the person chose to delete. */
  delete: (path: string, ifMatch: string) =>
    apiRequest<void>(path, { method: 'DELETE', headers: { 'If-Match': ifMatch } }),
};

/** The envelope of every list response. */
export interface ListPage<T> {
  items: T[];
  total: number;
  /** More rows match than `total` says (the server caps its counts). */
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 200;

/**
 * Reads every page of a list. Reference lists are small (tens to hundreds of records), so the
 * pages are fetched one after another until `total` is reached.
 */
export async function fetchAllPages<T>(
  path: string,
  query: Query,
  signal?: AbortSignal,
): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let page = 1;
  let total = 0;
  // A hard stop guards against a server that keeps answering with full pages.
  for (; page <= 100; page++) {
    const result = await api.get<ListPage<T>>(
      path,
      { ...query, page, pageSize: MAX_PAGE_SIZE },
      signal,
    );
    items.push(...result.items);
    total = result.total;
    if (result.items.length === 0 || (items.length >= total && !result.totalIsLowerBound)) break;
  }
  return { items, total };
}
