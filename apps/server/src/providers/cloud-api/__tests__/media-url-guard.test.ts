import { describe, expect, it } from 'vitest';
import { checkMediaUrl } from '../media-url-guard.js';

const META = 'https://graph.facebook.com';
const EMULATOR = 'http://127.0.0.1:4010/sandbox';

describe('checkMediaUrl', () => {
  it.each([
    ['https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', META],
    ['https://mmg.whatsapp.net/v/t62/abc', META],
    ['https://scontent.xx.fbcdn.net/v/abc', META],
    ['https://graph.facebook.com/v24.0/123', META],
    ['http://127.0.0.1:4010/sandbox/whatsapp_business/attachments/?mid=1', EMULATOR],
    ['https://lookaside.fbsbx.com/x', EMULATOR],
  ])('allows %s (graph %s)', (url, graph) => {
    expect(checkMediaUrl(url, graph).toString()).toBe(new URL(url).toString());
  });

  it.each([
    ['http://lookaside.fbsbx.com/x', META, 'plain http to a CDN'],
    ['http://graph.facebook.com/v24.0/1', META, 'plain http to an https Graph host'],
    ['http://lookaside.fbsbx.com/x', EMULATOR, 'plain http to a CDN even when Graph is http'],
    ['https://evilfbsbx.com/x', META, 'suffix without the dot'],
    ['https://fbsbx.com.evil.test/x', META, 'suffix in the middle'],
    ['https://169.254.169.254/latest/meta-data', META, 'cloud metadata'],
    ['http://127.0.0.1:4011/x', EMULATOR, 'loopback on another port'],
    ['http://localhost:4010/x', EMULATOR, 'same port, another host name'],
    ['https://user:pw@lookaside.fbsbx.com/x', META, 'credentials'],
    ['https://lookaside.fbsbx.com:8443/x', META, 'non-default port'],
    ['file:///etc/passwd', META, 'file URL'],
    ['not a url', META, 'garbage'],
  ])('refuses %s (graph %s): %s', (url, graph) => {
    expect(() => checkMediaUrl(url, graph)).toThrow(expect.objectContaining({ code: 'UNKNOWN' }));
  });
});
