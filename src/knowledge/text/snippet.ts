// ts_headline output turned into plain segments for the API: which words matched, and nothing to escape.

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

const MARKERS = /[\uE000-\uE002]/gu;
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
/*
 * The spaces segmentChinese added: any single space with a Chinese character or Chinese punctuation on
 * either side, looking through highlight markers. A space the author wrote there is lost too, which
 * Chinese typesetting does not miss.
 */
const SEGMENTATION_SPACE = new RegExp(
  `(?<=[${CJK}][\\uE000\\uE001]*) (?=[\\uE000\\uE001]*\\S)|(?<=\\S[\\uE000\\uE001]*) (?=[\\uE000\\uE001]*[${CJK}])`,
  'gu',
);

/** The passages of a headline, each as alternating plain and highlighted segments. */
export function headlineFragments(headline: string): SnippetSegment[][] {
  return headline
    .replace(SEGMENTATION_SPACE, '')
    .split(FRAGMENT_BREAK)
    .map(fragmentSegments)
    .filter((fragment) => fragment.length > 0);
}

/** One passage: the text between a start and a stop marker is highlighted; a stray marker is dropped. */
function fragmentSegments(fragment: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const trimmed = fragment.replace(/^\s+|\s+$/gu, '');
  for (const [index, part] of trimmed.split(HIGHLIGHT_START).entries()) {
    const [inside, ...after] = index === 0 ? [undefined, part] : part.split(HIGHLIGHT_STOP);
    if (inside !== undefined) push(segments, inside, true);
    push(segments, after.join(''), false);
  }
  return segments;
}

function push(segments: SnippetSegment[], raw: string, highlighted: boolean) {
  const text = raw.replace(MARKERS, '');
  if (text === '') return;
  const previous = segments.at(-1);
  if (previous?.highlighted === highlighted) previous.text += text;
  else segments.push({ text, highlighted });
}

/** All passages in one line, joined by an ellipsis, for a result list. */
export function headlineSegments(headline: string): SnippetSegment[] {
  const joined: SnippetSegment[] = [];
  for (const [index, fragment] of headlineFragments(headline).entries()) {
    if (index > 0) push(joined, ' … ', false);
    for (const segment of fragment) push(joined, segment.text, segment.highlighted);
  }
  return joined;
}
