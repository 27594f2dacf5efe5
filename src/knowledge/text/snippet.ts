// ts_headline output read back onto the text as written: the passages ts_headline chose in the indexed text
// (Arabic folded, Chinese cut into words), shown in the author's own spelling with the words found marked.
import { originalPosition, type TextWithOrigins } from './origins.js';

/*
 * Private-use characters: indexableText removes them from every document, so a marker in ts_headline's
 * output can only be one that ts_headline put there.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';
export const FRAGMENT_BREAK = '\uE002';

/**
 * The options argument of ts_headline(config, text, query, options): our markers, and up to three
 * fragments of about twenty words, so a long document gives a few passages rather than its opening.
 */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, FragmentDelimiter=${FRAGMENT_BREAK}, MaxFragments=3, MaxWords=24, MinWords=12`;

export type SnippetSegment = { text: string; highlighted: boolean };

/**
 * The document ts_headline is given. Each passage of its headline is then a part of this text, found again
 * by searching for it: but the parser reads "<…>" as an HTML tag, which ts_headline writes as one space, so
 * "<" goes as a space (one character for one, a separator either way, never part of a word).
 */
export function headlineInput(document: TextWithOrigins): string {
  return document.text.replaceAll('<', ' ');
}

type Passage = { plain: string; marks: [number, number][] };

/** One passage of a headline: its text without markers, and the ranges between a start and a stop marker. */
function readPassage(fragment: string): Passage {
  let plain = '';
  let markStart: number | null = null;
  const marks: [number, number][] = [];
  for (const character of fragment) {
    if (character === HIGHLIGHT_START) markStart ??= plain.length;
    else if (character === HIGHLIGHT_STOP) {
      if (markStart !== null && markStart < plain.length) marks.push([markStart, plain.length]);
      markStart = null;
    } else plain += character;
  }
  // A start marker with no stop highlights to the end of the passage.
  if (markStart !== null && markStart < plain.length) marks.push([markStart, plain.length]);
  return { plain, marks };
}

function push(segments: SnippetSegment[], text: string, highlighted: boolean) {
  if (text === '') return;
  const previous = segments.at(-1);
  if (previous?.highlighted === highlighted) previous.text += text;
  else segments.push({ text, highlighted });
}

type Place = { at: number; start: number; end: number };

/**
 * Where the passage is in the indexed text (from `from` on, else anywhere): `at` its first character,
 * start and end without its outer spaces.
 */
function locate(input: string, passage: Passage, from: number): Place | null {
  let at = input.indexOf(passage.plain, from);
  if (at < 0) at = input.indexOf(passage.plain);
  if (at < 0) return null;
  const leading = passage.plain.length - passage.plain.trimStart().length;
  const trailing = passage.plain.length - passage.plain.trimEnd().length;
  if (leading === passage.plain.length) return null;
  return { at, start: at + leading, end: at + passage.plain.length - trailing };
}

/** The passage as written: the original text between the positions its marks begin and end at. */
function originalSegments(document: TextWithOrigins, passage: Passage, place: Place) {
  const segments: SnippetSegment[] = [];
  const slice = (from: number, to: number) =>
    document.original.slice(originalPosition(document, from), originalPosition(document, to));
  let cursor = place.start;
  for (const [markStart, markEnd] of passage.marks) {
    const start = Math.max(cursor, place.at + markStart);
    const end = Math.min(place.end, place.at + markEnd);
    if (end <= start) continue;
    push(segments, slice(cursor, start), false);
    push(segments, slice(start, end), true);
    cursor = end;
  }
  push(segments, slice(cursor, place.end), false);
  return trimEnds(segments);
}

/** A passage starts and ends with a word, whatever NFKC made of the characters at its edges. */
function trimEnds(segments: SnippetSegment[]): SnippetSegment[] {
  const first = segments[0];
  if (first) first.text = first.text.trimStart();
  const last = segments.at(-1);
  if (last) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text !== '');
}

/** The passages of a headline of headlineInput(document), each as plain and highlighted original text. */
export function snippetFragments(document: TextWithOrigins, headline: string): SnippetSegment[][] {
  const input = headlineInput(document);
  const fragments: SnippetSegment[][] = [];
  let from = 0;
  for (const fragment of headline.split(FRAGMENT_BREAK)) {
    const passage = readPassage(fragment);
    const place = locate(input, passage, from);
    // A passage not found in the text (none is, unless the parser changed what it copies) is left out.
    if (!place) continue;
    from = place.end;
    const segments = originalSegments(document, passage, place);
    if (segments.length > 0) fragments.push(segments);
  }
  return fragments;
}

/** All passages in one line, joined by an ellipsis, for a result list. */
export function snippetSegments(document: TextWithOrigins, headline: string): SnippetSegment[] {
  const joined: SnippetSegment[] = [];
  for (const [index, fragment] of snippetFragments(document, headline).entries()) {
    if (index > 0) push(joined, ' … ', false);
    for (const segment of fragment) push(joined, segment.text, segment.highlighted);
  }
  return joined;
}
