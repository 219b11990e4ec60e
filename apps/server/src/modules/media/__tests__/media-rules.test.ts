import { describe, expect, it } from 'vitest';
import {
  contentMatchesMime, isInlineMimeType, isMimeAllowedFor, maxBytesFor, mediaTypeForMime,
} from '../media-rules.js';

const MB = 1024 * 1024;

describe('media rules', () => {
  it('maps MIME types to the WhatsApp type they are sent as, ignoring parameters and case', () => {
    expect(mediaTypeForMime('image/jpeg')).toBe('image');
    expect(mediaTypeForMime('IMAGE/PNG')).toBe('image');
    expect(mediaTypeForMime('audio/ogg; codecs=opus')).toBe('audio');
    expect(mediaTypeForMime('image/webp')).toBe('sticker');
    expect(mediaTypeForMime('application/pdf')).toBe('document');
    expect(mediaTypeForMime('video/3gpp')).toBe('video');
  });

  it('knows no WhatsApp type for what Meta refuses', () => {
    for (const mime of ['text/html', 'image/svg+xml', 'application/x-msdownload', 'image/gif', '']) {
      expect(mediaTypeForMime(mime), mime).toBeUndefined();
    }
  });

  it('checks the MIME type against the declared message type', () => {
    expect(isMimeAllowedFor('image', 'image/png')).toBe(true);
    expect(isMimeAllowedFor('image', 'image/webp')).toBe(false);
    expect(isMimeAllowedFor('document', 'application/pdf')).toBe(true);
    expect(isMimeAllowedFor('document', 'text/html')).toBe(false);
  });

  it("caps sizes at Meta's per-type limits and never above the deployment limit", () => {
    expect(maxBytesFor('image', 100 * MB)).toBe(5 * MB);
    expect(maxBytesFor('document', 100 * MB)).toBe(100 * MB);
    expect(maxBytesFor('document', 10 * MB)).toBe(10 * MB);
    expect(maxBytesFor('sticker', 100 * MB)).toBe(500 * 1024);
    expect(maxBytesFor('sticker', 100 * MB, { staticSticker: true })).toBe(100 * 1024);
  });

  it('serves only raster images inline', () => {
    expect(isInlineMimeType('image/jpeg')).toBe(true);
    expect(isInlineMimeType('image/svg+xml')).toBe(false);
    expect(isInlineMimeType('application/pdf')).toBe(false);
    expect(isInlineMimeType('text/html')).toBe(false);
  });

  it('spots content that does not look like its declared image or PDF type', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(contentMatchesMime(png, 'image/png')).toBe(true);
    expect(contentMatchesMime(Buffer.from('<html><script>alert(1)</script>'), 'image/png')).toBe(false);
    expect(contentMatchesMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg')).toBe(true);
    expect(contentMatchesMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp')).toBe(true);
    expect(contentMatchesMime(Buffer.from('%PDF-1.7'), 'application/pdf')).toBe(true);
    expect(contentMatchesMime(Buffer.from('anything'), 'text/plain')).toBe(true);
  });
});
