// Names people typed (organisations, measures, indicators) go into translated sentences in any script: each is
// wrapped in Unicode isolates (FSI … PDI), so that an English name in an Arabic sentence keeps its own order
// and does not pull the punctuation around it out of place.

export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
