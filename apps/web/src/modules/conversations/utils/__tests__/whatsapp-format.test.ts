import { describe, expect, it } from 'vitest';
import { parseWhatsAppFormatting } from '../whatsapp-format.js';

describe('parseWhatsAppFormatting', () => {
  it('turns *bold*, _italic_ and ~strike~ into nodes', () => {
    expect(parseWhatsAppFormatting('a *b* _c_ ~d~')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'bold', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strike', children: [{ kind: 'text', text: 'd' }] },
    ]);
  });

  it('nests markers', () => {
    expect(parseWhatsAppFormatting('*_both_*')).toEqual([
      { kind: 'bold', children: [{ kind: 'italic', children: [{ kind: 'text', text: 'both' }] }] },
    ]);
  });

  it('keeps monospace and inline code literal, formatting markers included', () => {
    expect(parseWhatsAppFormatting('```x *y*```')).toEqual([{ kind: 'code', text: 'x *y*' }]);
    expect(parseWhatsAppFormatting('run `npm *start*` now')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: 'npm *start*' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('does not format inside words, around spaces or across lines', () => {
    for (const input of ['2*3*4', 'snake_case_name', '* not bold *', '*line\nbreak*', 'a*b', '**']) {
      const nodes = parseWhatsAppFormatting(input);
      expect(nodes, input).toEqual([{ kind: 'text', text: input }]);
    }
  });

  it('links http(s) URLs and leaves trailing punctuation outside', () => {
    expect(parseWhatsAppFormatting('see https://example.com/a?b=1.')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', href: 'https://example.com/a?b=1', text: 'https://example.com/a?b=1' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never links other schemes', () => {
    for (const input of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(parseWhatsAppFormatting(input).some((node) => node.kind === 'link'), input).toBe(false);
    }
  });

  it('keeps HTML as plain text', () => {
    const input = '<img src=x onerror=alert(1)>';
    expect(parseWhatsAppFormatting(input)).toEqual([{ kind: 'text', text: input }]);
  });

  it('stays fast on pathological input', () => {
    const input = '*a '.repeat(1500) + '_b '.repeat(1500);
    const nodes = parseWhatsAppFormatting(input);
    expect(nodes.map((node) => (node.kind === 'text' ? node.text : '')).join('')).toBe(input);
  });
});
