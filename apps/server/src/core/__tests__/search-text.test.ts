import { describe, expect, it } from 'vitest';
import { foldForSearch, searchDocument, searchWords, searchWordSpellings } from '../search-text.js';

describe('search folding', () => {
  it('drops accents and case, in composed and decomposed input', () => {
    expect(foldForSearch('Grüße')).toBe('grusse');
    expect(foldForSearch('GRÜSSE')).toBe('grusse');
    expect(foldForSearch('GRÜẞE')).toBe('grusse');
    expect(foldForSearch('Mu\u0308nchen')).toBe('munchen'); // NFD (macOS)
    expect(foldForSearch('Jörg Grüßer')).toBe('jorg grusser');
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('Crème brûlée, façade')).toBe('creme brulee, facade');
  });

  it('folds capitals the database engines would not (Turkish İ, Nordic Ø, Polish Ł)', () => {
    expect(foldForSearch('ÖZDEMİR')).toBe('ozdemir');
    expect(foldForSearch('ÄRZTE')).toBe('arzte');
    expect(foldForSearch('Søren Łukasz Æbelø')).toBe('soren lukasz aebelo');
    expect(foldForSearch('ﬁnanzamt ²')).toBe('finanzamt 2'); // compatibility forms
  });

  it('splits words on anything but letters and digits', () => {
    expect(searchWords('"Grüße"* OR NEAR(a, 2) %_ 4711-abc')).toEqual(['grusse', 'or', 'near', 'a', '2', '4711', 'abc']);
    expect(searchWords('Москва 東京')).toEqual(['москва', '東京']);
    expect(searchWords('" * ( ) : % _')).toEqual([]);
  });

  it('stores every word folded plus the German spelling of words with umlauts', () => {
    expect(searchDocument(['Schöne Grüße aus München, Grüße!'])).toBe('schone grusse aus munchen schoene gruesse muenchen');
    expect(searchDocument(['Straße 5', 'Rechnung'])).toBe('strasse 5 rechnung');
    expect(searchDocument(['ÄRZTE'])).toBe('arzte aerzte');
    expect(searchDocument([null, undefined, '', '!!! 🙂'])).toBeNull();
  });

  it('looks a typed umlaut word up under both spellings', () => {
    expect(searchWordSpellings('Jörg grusse')).toEqual([['jorg', 'joerg'], ['grusse']]);
    expect(searchWordSpellings('GRÜSSE')).toEqual([['grusse', 'gruesse']]);
    expect(searchWordSpellings('gruesse')).toEqual([['gruesse']]);
    expect(searchWordSpellings('Mu\u0308nchen')).toEqual([['munchen', 'muenchen']]);
  });
});
