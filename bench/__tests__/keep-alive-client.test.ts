import { describe, expect, it } from 'vitest';
import { parseResponseHead, serializeRequest } from '../lib/keep-alive-client.js';

describe('parseResponseHead', () => {
  it('waits for the blank line that ends the head', () => {
    expect(parseResponseHead(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n'))).toBeUndefined();
  });

  it('reads the status, the head size and the content length (any header case)', () => {
    const head = 'HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n';
    expect(parseResponseHead(Buffer.from(`${head}{"id":"x","s":1}`))).toEqual({ status: 202, headerBytes: head.length, contentLength: 17 });
  });

  it('accepts a 204 without Content-Length and refuses framings it cannot follow', () => {
    expect(parseResponseHead(Buffer.from('HTTP/1.1 204 No Content\r\n\r\n'))?.contentLength).toBe(0);
    expect(() => parseResponseHead(Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n'))).toThrow(/chunked/);
    expect(() => parseResponseHead(Buffer.from('HTTP/1.1 200 OK\r\nx: y\r\n\r\n'))).toThrow(/Content-Length/);
    expect(() => parseResponseHead(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(/HTTP/);
  });
});

describe('serializeRequest', () => {
  it('writes a keep-alive request with the body length in bytes', () => {
    const bytes = serializeRequest({ method: 'POST', path: '/p', host: '127.0.0.1', headers: { 'content-type': 'application/json' }, body: '{"ä":1}' });
    expect(bytes.toString()).toBe('POST /p HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\ncontent-type: application/json\r\ncontent-length: 8\r\n\r\n{"ä":1}');
  });
});
