import type { ErrorResponse } from '@valeo/contracts';

export const API_BASE = '/api/v1';

/** An answer other than 2xx, carrying the Hub's error envelope when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

export type QueryParams = Record<string, string | number | undefined>;

export type ApiClientOptions = {
  /** Injected in tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  /** Called on every 401, so the app can drop to the sign-in page. */
  onUnauthorized?: () => void;
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one way the web app talks to the Hub: same-origin JSON with the session cookie. Unsafe
 * requests carry the CSRF token the sign-in (or `/auth/me`) answered with; it lives in memory only.
 */
export class ApiClient {
  readonly #fetch: typeof fetch;
  readonly #onUnauthorized: (() => void) | undefined;
  #csrfToken: string | null = null;

  constructor(opts: ApiClientOptions = {}) {
    this.#fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#onUnauthorized = opts.onUnauthorized;
  }

  setCsrfToken(token: string | null): void {
    this.#csrfToken = token;
  }

  get<T>(path: string, query?: QueryParams): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.request<T>('POST', path, body, headers);
  }

  async request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE_METHODS.has(method) && this.#csrfToken !== null) headers['x-csrf-token'] = this.#csrfToken;
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await this.#fetch(`${API_BASE}${path}`, init);
    if (response.status === 401 && this.#onUnauthorized) this.#onUnauthorized();
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

/** The URL of a stored medium's bytes; the id is encoded, so it can never leave the media path. */
export function mediaContentUrl(mediaId: string): string {
  return `${API_BASE}/media/${encodeURIComponent(mediaId)}/content`;
}

async function toApiError(response: Response): Promise<ApiError> {
  let envelope: Partial<ErrorResponse> | undefined;
  try {
    envelope = (await response.json()) as Partial<ErrorResponse>;
  } catch {
    envelope = undefined;
  }
  const error = envelope?.error;
  return new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.requestId);
}
