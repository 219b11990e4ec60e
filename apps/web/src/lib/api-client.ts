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

/** The part of `XMLHttpRequest` an upload uses (fetch reports no upload progress). */
export type XhrLike = {
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
};

export type UploadOptions = {
  /** Bytes sent so far of the whole request body. */
  onProgress?: (loaded: number, total: number) => void;
  /** Aborting rejects with an `AbortError` DOMException. */
  signal?: AbortSignal;
};

export type ApiClientOptions = {
  /** Injected in tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  /** Injected in tests; `new XMLHttpRequest()` otherwise. */
  xhr?: () => XhrLike;
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
  readonly #xhr: () => XhrLike;
  #csrfToken: string | null = null;

  constructor(opts: ApiClientOptions = {}) {
    this.#fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    // The DOM typings declare the handlers with `this` and event parameters; the subset is the same.
    this.#xhr = opts.xhr ?? (() => new XMLHttpRequest() as unknown as XhrLike);
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

  /**
   * POSTs a multipart form with upload progress (XMLHttpRequest: fetch has no upload progress),
   * the session cookie and the CSRF token; errors become `ApiError` like every other request.
   */
  upload<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = this.#xhr();
      const abort = () => xhr.abort();
      const done = () => opts.signal?.removeEventListener('abort', abort);
      xhr.open('POST', `${API_BASE}${path}`);
      xhr.setRequestHeader('accept', 'application/json');
      if (this.#csrfToken !== null) xhr.setRequestHeader('x-csrf-token', this.#csrfToken);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) opts.onProgress?.(event.loaded, event.total);
      };
      xhr.onload = () => {
        done();
        if (xhr.status === 401) this.#onUnauthorized?.();
        const answer = parseJsonOrUndefined(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) resolve(answer as T);
        else reject(apiErrorFrom(xhr.status, answer, `HTTP ${xhr.status}`));
      };
      xhr.onerror = () => {
        done();
        reject(new TypeError('Network error during upload'));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException('Upload cancelled', 'AbortError'));
      };
      if (opts.signal?.aborted) {
        reject(new DOMException('Upload cancelled', 'AbortError'));
        return;
      }
      opts.signal?.addEventListener('abort', abort);
      xhr.send(form);
    });
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function apiErrorFrom(status: number, envelope: unknown, fallback: string): ApiError {
  const error = (envelope as Partial<ErrorResponse> | undefined)?.error;
  return new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? fallback, error?.requestId);
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
  return apiErrorFrom(response.status, envelope, response.statusText);
}
