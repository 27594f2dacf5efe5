// Search words: same pipeline as the documents, and a tsquery text that typed operators cannot break.
import { describe, expect, it } from 'vitest';
import { anyTermTsqueryText, MAX_TERMS, searchTerms, tsqueryText } from './query.js';

describe('searchTerms', () => {
  it('drops punctuation and tsquery operators, keeping the words', () => {
    expect(searchTerms(`"safe shelters" & (victims | !smuggling) :* <-> \\`, 'en')).toEqual([
      'safe',
      'shelters',
      'victims',
      'smuggling',
    ]);
  });

  it('keeps words the parser reads whole: hyphens, addresses, elisions', () => {
    expect(searchTerms("e-mail unodc.org l'homme", 'fr')).toEqual(['e-mail', 'unodc.org', "l'homme"]);
  });

  it('lower-cases and lists each word once', () => {
    expect(searchTerms('Shelter SHELTER shelter Убежище', 'en')).toEqual(['shelter', 'убежище']);
  });

  it('gives the same terms for an Arabic word with or without diacritics, أ or ا, ة or ه', () => {
    const plain = searchTerms('حماية الاطفال', 'ar');
    expect(searchTerms('حِمَايَةُ الأَطْفَالِ', 'ar')).toEqual(plain);
    expect(searchTerms('حمايه الأطفال', 'ar')).toEqual(plain);
    expect(plain).toEqual(['حمايه', 'الاطفال']);
  });

  it('cuts a Chinese query into the words the documents were cut into', () => {
    expect(searchTerms('人口贩运受害者', 'zh')).toEqual(['人口', '贩运', '受害者']);
    expect(searchTerms('受害者', 'zh')).toEqual(['受害者']);
    expect(searchTerms('受害者，保护。', 'zh')).toEqual(['受害者', '保护']);
  });

  it('finds nothing to search in punctuation or blanks, and caps a pasted text', () => {
    expect(searchTerms('  ?!¿¡ — «» “” ، ؟ 。 ', 'en')).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    expect(searchTerms(many, 'en')).toHaveLength(MAX_TERMS);
    expect(searchTerms('x'.repeat(101), 'en')).toEqual([]);
  });
});

describe('tsqueryText', () => {
  it('quotes each term and requires all of them', () => {
    expect(tsqueryText(['safe', 'shelters'], { prefix: false })).toBe("'safe' & 'shelters'");
  });

  it('can ask for words starting with each term', () => {
    expect(tsqueryText(['shelt'], { prefix: true })).toBe("'shelt':*");
  });

  it('joins with OR for "more like this"', () => {
    expect(anyTermTsqueryText(['a', 'b'], { prefix: false })).toBe("'a' | 'b'");
    expect(tsqueryText(['a', 'b'], { prefix: true, match: 'any' })).toBe("'a':* | 'b':*");
  });

  it('doubles quotes and escapes backslashes, so a term never closes its literal', () => {
    expect(tsqueryText(["it's", 'a\\', "'); drop"], { prefix: false })).toBe(
      "'it''s' & 'a\\\\' & '''); drop'",
    );
  });

  it('turns characters PostgreSQL refuses into spaces', () => {
    expect(tsqueryText(['a\u0000b', '\u0000', '\uD800'], { prefix: false })).toBe("'a b'");
  });

  it('is empty when there is nothing to search for', () => {
    expect(tsqueryText([], { prefix: true })).toBe('');
    expect(tsqueryText(['', '  '], { prefix: false })).toBe('');
  });
});
