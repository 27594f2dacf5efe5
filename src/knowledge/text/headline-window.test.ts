// Long texts give their passages from around the first word found; short ones, and long ones where no word
// shows as typed, are given whole.
import { describe, expect, it } from 'vitest';
import { headlineWindow, WHOLE_TEXT_CHARS } from './headline-window.js';

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 97}`).join(' ');

describe('headlineWindow', () => {
  it('gives a short text whole', () => {
    const text = 'Shelters for victims of trafficking.';
    expect(headlineWindow(text, ['absent'])).toBe(text);
  });

  it('cuts a long text around the first place a word is written, starting at a word', () => {
    const text = `${filler(2000)} the Qorvath shelter ${filler(2000)}`;
    const window = headlineWindow(text, ['nowhere', 'qorvath']);
    expect(window.length).toBeLessThanOrEqual(WHOLE_TEXT_CHARS);
    expect(window).toContain('the Qorvath shelter');
    expect(text).toContain(window);
    expect(window).toMatch(/^word\d+ /);
    expect(window.indexOf('Qorvath')).toBeGreaterThan(200);
  });

  it('finds a word only as a whole word, not inside another one', () => {
    const text = `${filler(500)} apart ${filler(2000)} art ${filler(1000)}`;
    const window = headlineWindow(text, ['art']);
    expect(window).toContain(' art ');
    expect(window).not.toContain(' apart ');
  });

  it('finds a Chinese word inside a run of Chinese, which has no spaces', () => {
    const text = `${'关于保护的虚构指南。'.repeat(600)}人口贩运受害者${'其他内容。'.repeat(600)}`;
    const window = headlineWindow(text, ['受害者']);
    expect(window.length).toBeLessThanOrEqual(WHOLE_TEXT_CHARS);
    expect(window).toContain('人口贩运受害者');
  });

  it('gives a long text whole when no word shows as typed, since another form of it may be anywhere', () => {
    const text = `${filler(2000)} victims ${filler(100)}`;
    expect(headlineWindow(text, ['victim'])).toBe(text);
  });

  it('never cuts between the halves of a character', () => {
    const text = `${'𠀀'.repeat(2000)}受害者${'𠀀'.repeat(2000)}`;
    const window = headlineWindow(text, ['受害者']);
    expect(window).toContain('受害者');
    expect(window.replaceAll('𠀀', '')).toBe('受害者');
  });
});
