// A passage of an item with the words found marked: the API's segments, the highlighted ones as <mark>.
import type { SnippetSegment } from '../../api/knowledge.js';
import { InLanguage } from './text-language.js';

export function Snippet(props: { segments: readonly SnippetSegment[]; language: string }) {
  if (props.segments.length === 0) return null;
  return (
    <InLanguage as="p" className="hit-snippet" language={props.language}>
      {props.segments.map((segment, index) =>
        segment.highlighted ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence with no identity
          <mark key={index}>{segment.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{segment.text}</span>
        ),
      )}
    </InLanguage>
  );
}
