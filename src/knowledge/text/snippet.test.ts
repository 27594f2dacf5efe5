// ts_headline output read back onto the original: marked words as written, passages joined by an ellipsis.
import { describe, expect, it } from 'vitest';
import { withOrigins } from './origins.js';
import {
  FRAGMENT_BREAK as BREAK,
  headlineInput,
  HIGHLIGHT_START as START,
  HIGHLIGHT_STOP as STOP,
  snippetFragments,
  snippetSegments,
} from './snippet.js';

/** What ts_headline gives for these passages of the indexed text, with these words marked. */
function headline(original: string, passages: string[], marked: string[]): string {
  const input = headlineInput(withOrigins(original));
  return passages
    .map((passage) => {
      expect(input).toContain(passage);
      return marked.reduce((text, word) => text.replaceAll(word, `${START}${word}${STOP}`), passage);
    })
    .join(BREAK);
}

describe('snippetSegments', () => {
  it('marks the matched words and keeps the text between them plain', () => {
    const text = 'Invented guideline about safe shelters for victims.';
    const document = withOrigins(text);
    expect(
      snippetSegments(
        document,
        headline(text, ['Invented guideline about safe shelters for victims'], ['shelters', 'victims']),
      ),
    ).toEqual([
      { text: 'Invented guideline about safe ', highlighted: false },
      { text: 'shelters', highlighted: true },
      { text: ' for ', highlighted: false },
      { text: 'victims', highlighted: true },
    ]);
  });

  it('shows an Arabic passage as written: vowels, alef forms, alef maqsura and teh marbuta', () => {
    const text = 'قدّمت الجمعيّة المَأْوَى إِلَى الأَطْفَالِ ضحايا الاتِّجَار في مدينة إِسكندرونة.';
    const document = withOrigins(text);
    const shown = snippetSegments(
      document,
      headline(
        text,
        ['قدمت الجمعيه الماوي الي الاطفال ضحايا الاتجار في مدينه اسكندرونه'],
        ['الاطفال', 'اسكندرونه'],
      ),
    );
    expect(shown).toEqual([
      { text: 'قدّمت الجمعيّة المَأْوَى إِلَى ', highlighted: false },
      { text: 'الأَطْفَالِ', highlighted: true },
      { text: ' ضحايا الاتِّجَار في مدينة ', highlighted: false },
      { text: 'إِسكندرونة', highlighted: true },
    ]);
  });

  it('shows Chinese without the spaces cutting it into words added, and keeps the author’s own', () => {
    const text = '保护人口贩运受害者的安全，UNODC 2024年报告';
    const document = withOrigins(text);
    const indexed = headlineInput(document);
    expect(
      snippetSegments(document, headline(text, [indexed.slice(0, indexed.indexOf('安全') + 2)], ['受害者'])),
    ).toEqual([
      { text: '保护人口贩运', highlighted: false },
      { text: '受害者', highlighted: true },
      { text: '的安全', highlighted: false },
    ]);
    expect(
      snippetSegments(document, headline(text, [indexed], ['UNODC']))
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('finds a passage with "<" in it, which ts_headline would otherwise take for a tag', () => {
    const text = 'See <b>safe shelters</b> & more';
    const document = withOrigins(text);
    expect(headlineInput(document)).toBe('See  b>safe shelters /b> & more');
    expect(snippetSegments(document, headline(text, [' b>safe shelters /b> & more'], ['shelters']))).toEqual([
      { text: 'b>safe ', highlighted: false },
      { text: 'shelters', highlighted: true },
      { text: '</b> & more', highlighted: false },
    ]);
  });

  it('joins passages with an ellipsis, each found after the one before', () => {
    const text = 'one shelter here. Much later, one shelter there.';
    const document = withOrigins(text);
    expect(
      snippetSegments(document, headline(text, ['one shelter here', 'one shelter there'], ['shelter'])),
    ).toEqual([
      { text: 'one ', highlighted: false },
      { text: 'shelter', highlighted: true },
      { text: ' here … one ', highlighted: false },
      { text: 'shelter', highlighted: true },
      { text: ' there', highlighted: false },
    ]);
  });

  it('drops stray markers, empty passages and passages not in the text rather than inventing anything', () => {
    const document = withOrigins('a b c');
    expect(snippetSegments(document, `a ${STOP}b ${BREAK}${BREAK} ${START}${STOP}`)).toEqual([
      { text: 'a b', highlighted: false },
    ]);
    expect(snippetFragments(document, '')).toEqual([]);
    expect(snippetFragments(document, `${START}x${STOP} y`)).toEqual([]);
  });

  it('highlights to the end of the passage when the stop marker is missing', () => {
    expect(snippetSegments(withOrigins('a b c'), `a ${START}b c`)).toEqual([
      { text: 'a ', highlighted: false },
      { text: 'b c', highlighted: true },
    ]);
  });
});
