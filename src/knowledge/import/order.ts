// The order a library import writes its files in: a file that translates another file comes after it
// (a chain of translations in as many rounds as it is long); otherwise the files' own order. Pure.

type Entry = { file: string; item: { translationOf: string | null } };

export function importOrder<T extends Entry>(entries: readonly T[]): T[] {
  const files = new Set(entries.map((entry) => entry.file));
  const ordered: T[] = [];
  const placed = new Set<string>();
  let waiting = [...entries];
  while (waiting.length > 0) {
    const isReady = (entry: T) => {
      const of = entry.item.translationOf;
      return of === null || !files.has(of) || placed.has(of);
    };
    const round = waiting.filter(isReady);
    // A cycle (two files naming each other) cannot be ordered: write them anyway; the import says why.
    const next = round.length > 0 ? round : waiting;
    for (const entry of next) {
      ordered.push(entry);
      placed.add(entry.file);
    }
    waiting = waiting.filter((entry) => !placed.has(entry.file));
  }
  return ordered;
}
