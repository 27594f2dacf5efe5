// The indexed text keeps track of where each character came from, so that a passage is shown as written.
import { describe, expect, it } from 'vitest';
import { indexableText } from './normalise.js';
import { originalPosition, withOrigins } from './origins.js';

/** The original text of the indexed range [from, to). */
const originalOf = (text: string, from: number, to: number) => {
  const mapped = withOrigins(text);
  return text.slice(originalPosition(mapped, from), originalPosition(mapped, to));
};

describe('withOrigins', () => {
  it('gives the indexed text, the same as indexableText', () => {
    for (const text of [
      'Plain English text',
      'حِمَايَةُ الأَطْفَالِ إلى مأوى',
      'ＵＮＯＤＣ ﬁnal a\u0000b\uE000c\uD800d',
      '联合国毒品和犯罪问题办公室UNODC的2024年报告',
      'حمـــاية ا\u0654من',
    ])
      expect(withOrigins(text).text).toBe(indexableText(text, 'ar'));
  });

  it('maps each Arabic word back to its spelling with vowels, hamza and teh marbuta', () => {
    const text = 'مبادئ حِمَايَةُ الأَطْفَالِ إِلَى مَأْوَى';
    const indexed = withOrigins(text).text;
    const word = (folded: string) => {
      const at = indexed.indexOf(folded);
      return originalOf(text, at, at + folded.length);
    };
    expect(word('حمايه')).toBe('حِمَايَةُ');
    expect(word('الاطفال')).toBe('الأَطْفَالِ');
    expect(word('الي')).toBe('إِلَى');
    expect(word('ماوي')).toBe('مَأْوَى');
  });

  it('keeps tatweel and decomposed hamza inside the word they belong to', () => {
    const text = 'في حمـــاية ا\u0654من';
    const indexed = withOrigins(text).text;
    expect(indexed).toBe('في حمايه امن');
    expect(originalOf(text, 3, 8)).toBe('حمـــاية');
    expect(originalOf(text, 9, 12)).toBe('ا\u0654من');
  });

  it('leaves out the spaces cutting Chinese into words added', () => {
    const text = '保护人口贩运受害者的安全';
    const mapped = withOrigins(text);
    expect(mapped.text).toBe(indexableText(text, 'zh'));
    expect(mapped.text).toContain(' 受害者 ');
    const at = mapped.text.indexOf('受害者');
    expect(originalOf(text, at, at + 3)).toBe('受害者');
    expect(originalOf(text, 0, mapped.text.length)).toBe(text);
  });

  it('maps folded full-width and ligature characters to the characters written', () => {
    const text = 'The ＵＮＯＤＣ ﬁnal report';
    const indexed = withOrigins(text).text;
    expect(indexed).toBe('The UNODC final report');
    expect(originalOf(text, 4, 9)).toBe('ＵＮＯＤＣ');
    expect(originalOf(text, 10, 15)).toBe('ﬁnal');
  });
});
