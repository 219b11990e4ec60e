import type { XhrLike } from '../lib/api-client.js';

/** A scripted XMLHttpRequest for uploads: tests drive its progress, answer and abort. */
export class FakeXhr implements XhrLike {
  status = 0;
  responseText = '';
  readonly upload: XhrLike['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  method = '';
  url = '';
  readonly headers: Record<string, string> = {};
  body: FormData | undefined;
  aborted = false;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  send(body: FormData): void {
    this.body = body;
  }

  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }

  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }

  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

/** A factory for `fakeApi({ xhr })` that keeps every request it made. */
export function fakeXhrs(): { sent: FakeXhr[]; create: () => FakeXhr } {
  const sent: FakeXhr[] = [];
  return { sent, create: () => { const xhr = new FakeXhr(); sent.push(xhr); return xhr; } };
}
