import { describe, expect, it } from 'vitest';
import { fts5Query, MAX_TERMS, searchTerms, tsQuery } from '../search-terms.js';

describe('search terms', () => {
  it('keeps letters and digits of any script, folded (accents, case, ß) as stored documents are', () => {
    expect(searchTerms('Straße 5!')).toEqual([['strasse'], ['5']]);
    expect(searchTerms('GRÜẞE')).toEqual([['grusse', 'gruesse']]);
    expect(searchTerms('Mu\u0308nchen')).toEqual([['munchen', 'muenchen']]); // NFD input (macOS)
    expect(searchTerms('ÖZDEMİR москва')).toEqual([['ozdemir', 'oezdemir'], ['москва']]);
  });

  it('looks up words typed with umlauts also under their German spelling', () => {
    expect(searchTerms('Jörg gruesse grusse')).toEqual([['jorg', 'joerg'], ['gruesse'], ['grusse']]);
  });

  it('turns query syntax into separators: nothing of " * ( : \' \\ % _ reaches the engine', () => {
    expect(searchTerms('"a" OR b* NEAR(c, 2)')).toEqual([['a'], ['or'], ['b'], ['near'], ['c'], ['2']]);
    expect(searchTerms('d:* \'e\' \\f -g ^h')).toEqual([['d'], ['e'], ['f'], ['g'], ['h']]);
    expect(searchTerms('" * ( ) : % _')).toEqual([]);
  });

  it('bounds the number of words and drops duplicates', () => {
    expect(searchTerms('a A á b')).toEqual([['a'], ['b']]);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS);
  });

  it('quotes every spelling for FTS5 and tsquery as a prefix: any spelling of a word, every word', () => {
    expect(fts5Query([['jorg', 'joerg'], ['or']])).toBe('("jorg"* OR "joerg"*) AND "or"*');
    expect(tsQuery([['jorg', 'joerg'], ['or']])).toBe("('jorg':* | 'joerg':*) & 'or':*");
    expect(fts5Query([['a"b']])).toBe('"a""b"*');
    expect(tsQuery([["a'b\\"]])).toBe("'a''b\\\\':*");
  });
});
