// Documents and queries pass through one pipeline: Arabic spellings fold together, Chinese is cut into words.
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_LANGUAGES, searchConfigOf } from './languages.js';
import { indexableText, normaliseArabic, segmentChinese } from './normalise.js';

describe('search configurations', () => {
  it('gives each UN language its stemmer, and Chinese the simple configuration', () => {
    expect(KNOWLEDGE_LANGUAGES.map(searchConfigOf)).toEqual([
      'english',
      'french',
      'spanish',
      'russian',
      'simple',
      'arabic',
    ]);
  });
});

describe('normaliseArabic', () => {
  it('strips harakat, superscript alef and tatweel', () => {
    expect(normaliseArabic('مُسَاعَدَةُ الضَّحَايَا')).toBe(normaliseArabic('مساعدة الضحايا'));
    expect(normaliseArabic('حمـــاية')).toBe('حماية'.replace('ة', 'ه'));
    expect(normaliseArabic('هٰذا')).toBe('هذا');
  });

  it('folds the alef forms, alef maqsura, teh marbuta and the hamza seats', () => {
    expect(normaliseArabic('أمن إرشاد آمن ٱلملجأ')).toBe('امن ارشاد امن الملجا');
    expect(normaliseArabic('إلى مأوى')).toBe('الي ماوي');
    expect(normaliseArabic('حماية')).toBe('حمايه');
    expect(normaliseArabic('مسؤول بيئة')).toBe('مسوول بييه');
  });

  it('folds the decomposed spellings (a letter followed by a combining hamza or madda) the same way', () => {
    expect(normaliseArabic('ا\u0654من')).toBe(normaliseArabic('أمن'));
    expect(normaliseArabic('ا\u0653من')).toBe(normaliseArabic('آمن'));
  });

  it('leaves other scripts alone', () => {
    expect(normaliseArabic('Shelter ملجأ Убежище')).toBe('Shelter ملجا Убежище');
  });
});

describe('segmentChinese', () => {
  it('cuts a run of Chinese into dictionary words', () => {
    expect(segmentChinese('人口贩运受害者')).toBe('人口 贩运 受害者');
  });

  it('keeps Latin words and numbers as they were, spaced from the Chinese around them', () => {
    expect(segmentChinese('联合国毒品和犯罪问题办公室UNODC的2024年报告')).toMatch(/ UNODC /);
    expect(segmentChinese('see the UNODC-IOM e-mail, 2024.')).toBe('see the UNODC-IOM e-mail, 2024.');
  });

  it('never doubles a space the author wrote', () => {
    expect(segmentChinese('受害者 保护')).toBe('受害者 保护');
  });

  it('cuts a long text in blocks, each ending after punctuation, as quickly as a short one', () => {
    const sentence = '关于保护人口贩运受害者的安全庇护所的虚构指南。';
    const count = Math.ceil(200_000 / sentence.length);
    const started = performance.now();
    const cut = segmentChinese(sentence.repeat(count));
    // ICU alone took over a minute for this length: the time it takes grows with the square of the text.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(cut).toBe(Array.from({ length: count }, () => segmentChinese(sentence)).join(' '));
  });

  it('cuts a long run without punctuation too, never between the halves of a character', () => {
    const text = '𠀀'.repeat(1500);
    expect(segmentChinese(text).replaceAll(' ', '')).toBe(text);
  });
});

describe('indexableText', () => {
  it('folds full-width Latin, ligatures and Arabic presentation forms (NFKC)', () => {
    expect(indexableText('ＵＮＯＤＣ ﬁnal', 'en')).toBe('UNODC final');
    // U+FEE3 U+FEE0 U+FEA0 U+FE84: "ملجأ" as a PDF's glyphs may hold it.
    expect(indexableText('\uFEE3\uFEE0\uFEA0\uFE84', 'ar')).toBe('ملجا');
  });

  it('removes what the database or the snippet markers could not take', () => {
    expect(indexableText('a\u0000b\uE000c\uD800d\te\nf', 'en')).toBe('a b c d\te\nf');
  });

  it('keeps Latin text inside a Chinese document and Chinese inside an English one', () => {
    expect(indexableText('UNODC指南：保护受害者', 'zh')).toContain('UNODC');
    expect(indexableText('The term 人口贩运受害者 means', 'en')).toBe('The term 人口 贩运 受害者 means');
  });

  it('keeps case and accents, which to_tsvector and ts_headline need as written', () => {
    expect(indexableText('Été à Genève', 'fr')).toBe('Été à Genève');
  });
});
