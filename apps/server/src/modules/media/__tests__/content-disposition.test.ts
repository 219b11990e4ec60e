import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../media.routes.js';

describe('contentDisposition', () => {
  it('keeps plain ASCII names as they are', () => {
    expect(contentDisposition('attachment', 'report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  it('gives non-ASCII names an ASCII fallback and an exact RFC 5987 form', () => {
    expect(contentDisposition('inline', 'Foto ü.png')).toBe(`inline; filename="Foto _.png"; filename*=UTF-8''Foto%20%C3%BC.png`);
  });

  it('cannot be broken out of by quotes, backslashes or header injection', () => {
    const header = contentDisposition('attachment', 'a"b\\c\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('"')).toHaveLength(3);
    expect(header).toContain(`filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1.pdf`);
  });
});
