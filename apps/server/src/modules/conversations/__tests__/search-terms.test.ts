import { describe, expect, it } from 'vitest';
import { fts5Query, MAX_TERMS, searchTerms, tsQuery } from '../search-terms.js';

describe('search terms', () => {
  it('keeps letters and digits of any script, lower-cased and NFC-normalized', () => {
    expect(searchTerms('Schöne GRÜẞE, Straße 5!')).toEqual(['schöne', 'grüße', 'straße', '5']);
    expect(searchTerms('Mu\u0308nchen')).toEqual(['münchen']); // NFD input (macOS) → NFC
  });

  it('turns query syntax into separators: nothing of " * ( : \' \\ reaches the engine', () => {
    expect(searchTerms('"a" OR b* NEAR(c, 2)')).toEqual(['a', 'or', 'b', 'near', 'c', '2']);
    expect(searchTerms('d:* \'e\' \\f -g ^h')).toEqual(['d', 'e', 'f', 'g', 'h']);
    expect(searchTerms('" * ( ) : % _')).toEqual([]);
  });

  it('bounds the number of words and drops duplicates', () => {
    expect(searchTerms('a a b')).toEqual(['a', 'b']);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS);
  });

  it('quotes every word for FTS5 and tsquery as a prefix', () => {
    expect(fts5Query(['grüße', 'or'])).toBe('"grüße"* "or"*');
    expect(tsQuery(['grüße', 'or'])).toBe("'grüße':* & 'or':*");
  });
});
