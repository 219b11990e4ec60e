import { describe, expect, it } from 'vitest';
import { MAX_USER_SEARCH_WORDS, userSearchName, userSearchTerms } from '../user-search.js';

describe('user search terms', () => {
  it('folds typed words with their German spellings; separators, duplicates and blanks drop out', () => {
    expect(userSearchTerms(undefined)).toEqual([]);
    expect(userSearchTerms(' %_\\ \' ')).toEqual([]);
    expect(userSearchTerms('Jörg  jörg MÜLLER o\'brien')).toEqual([['jorg', 'joerg'], ['muller', 'mueller'], ['o'], ['brien']]);
    expect(userSearchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_USER_SEARCH_WORDS);
  });

  it('stores a name as its folded words plus German spellings, never null', () => {
    expect(userSearchName('Jürgen ÖZTÜRK')).toBe('jurgen ozturk juergen oeztuerk');
    expect(userSearchName('???')).toBe('');
  });
});
