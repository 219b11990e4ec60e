import { describe, expect, it } from 'vitest';
import { attachmentHeader } from '../graph/media.routes.js';

describe('attachmentHeader', () => {
  it('keeps non-ASCII names in filename* and an ASCII fallback in filename', () => {
    expect(attachmentHeader('Müller "Rechnung".pdf')).toBe(
      `attachment; filename="M_ller Rechnung.pdf"; filename*=UTF-8''M%C3%BCller%20%22Rechnung%22.pdf`,
    );
  });

  it('produces a header value of ASCII characters only', () => {
    expect(attachmentHeader('日本語.txt')).toMatch(/^[\x20-\x7e]+$/);
  });
});
