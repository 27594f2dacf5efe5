// ts_headline output becomes plain and highlighted segments; segmentation spaces in Chinese disappear.
import { describe, expect, it } from 'vitest';
import { FRAGMENT_BREAK as BREAK, headlineFragments, headlineSegments } from './snippet.js';

const hit = (text: string) => `\uE000${text}\uE001`;

describe('headlineSegments', () => {
  it('marks the matched words and keeps the text between them plain', () => {
    expect(
      headlineSegments(`Invented guideline about safe ${hit('shelters')} for ${hit('victims')}`),
    ).toEqual([
      { text: 'Invented guideline about safe ', highlighted: false },
      { text: 'shelters', highlighted: true },
      { text: ' for ', highlighted: false },
      { text: 'victims', highlighted: true },
    ]);
  });

  it('passes markup through as text, for the page to show and never to interpret', () => {
    expect(headlineSegments(`<b>${hit('x')}</b> &amp;`)).toEqual([
      { text: '<b>', highlighted: false },
      { text: 'x', highlighted: true },
      { text: '</b> &amp;', highlighted: false },
    ]);
  });

  it('joins passages with an ellipsis', () => {
    expect(headlineSegments(`one ${hit('a')} ${BREAK} two`)).toEqual([
      { text: 'one ', highlighted: false },
      { text: 'a', highlighted: true },
      { text: ' … two', highlighted: false },
    ]);
  });

  it('removes the spaces that cutting Chinese into words added, through the markers', () => {
    expect(headlineSegments(`保护 人口 贩运 ${hit('受害者')} 的 安全 ， UNODC 2024 年 报告`)).toEqual([
      { text: '保护人口贩运', highlighted: false },
      { text: '受害者', highlighted: true },
      { text: '的安全，UNODC 2024年报告', highlighted: false },
    ]);
  });

  it('drops stray markers and empty passages rather than inventing highlights', () => {
    expect(headlineSegments(`a \uE001b ${BREAK}${BREAK} ${hit('')}`)).toEqual([
      { text: 'a b', highlighted: false },
    ]);
    expect(headlineFragments('')).toEqual([]);
  });

  it('highlights to the end of the passage when the stop marker is missing', () => {
    expect(headlineSegments('a \uE000b c')).toEqual([
      { text: 'a ', highlighted: false },
      { text: 'b c', highlighted: true },
    ]);
  });
});
