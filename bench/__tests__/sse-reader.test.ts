import { describe, expect, it } from 'vitest';
import { SseParser } from '../lib/sse-reader.js';

describe('SseParser', () => {
  it('splits events across chunks and drops comments and retry lines', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 2000\n\n: heartbeat\n\nevent: message.rec')).toEqual([]);
    expect(parser.push('eived\ndata: {"contactWaId":"49"}\n\nevent: x\ndata: 1\n')).toEqual([{ event: 'message.received', data: '{"contactWaId":"49"}' }]);
    expect(parser.push('\n')).toEqual([{ event: 'x', data: '1' }]);
  });

  it('joins multi-line data, defaults the event name and accepts CRLF', () => {
    expect(new SseParser().push('data: a\r\ndata:b\r\n\r\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
