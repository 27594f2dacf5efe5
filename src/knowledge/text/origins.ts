// Text as it is indexed, with where each of its characters came from in the text as written: a passage found
// in the indexed text (Arabic folded, Chinese cut into words) is shown to the reader as the author wrote it.
import { chinesePieces, foldText, isDroppedInArabic } from './normalise.js';

export type TextWithOrigins = {
  /** The text as written. */
  original: string;
  /** indexableText(original): the same, but for NFKC sequences the per-character folding cannot see. */
  text: string;
  /**
   * For each UTF-16 unit of `text`, the range of `original` it came from; an empty range for a space that
   * cutting Chinese into words added. The characters a fold drops (harakat, tatweel) are in no range.
   */
  starts: Int32Array;
  ends: Int32Array;
};

const RUNS = /\s+|\S+/gu;
const DROPPED = /[\u064B-\u065F\u0670\u0640]/g;
/** A character with the combining marks after it (or marks with nothing before them): NFKC's unit of work. */
const CLUSTERS = /\p{M}+|\P{M}\p{M}*/gu;

/** Folded text with the origin of each of its units, in arrays that grow as needed. */
class Builder {
  readonly parts: string[] = [];
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  /** One unit from original[start, end). */
  add(start: number, end: number) {
    if (this.length === this.starts.length) {
      const starts = new Int32Array(this.length * 2);
      const ends = new Int32Array(this.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  text(): string {
    return this.parts.join('');
  }
}

/**
 * Folds the run character for character when it can: once harakat and tatweel are left out, if NFKC
 * changes nothing, every other character folds to one (a letter to its plain form, a control to a space).
 */
function foldInPlace(out: Builder, run: string, at: number): boolean {
  let dropped = 0;
  for (let index = 0; index < run.length; index++) if (isDroppedInArabic(run.charCodeAt(index))) dropped++;
  const kept = (index: number) => !isDroppedInArabic(run.charCodeAt(index));
  const stripped = dropped === 0 ? run : run.replace(DROPPED, '');
  if (stripped.normalize('NFKC') !== stripped) return false;
  const folded = foldText(stripped);
  if (folded.length !== stripped.length) return false;
  out.parts.push(folded);
  for (let index = 0; index < run.length; index++)
    if (dropped === 0 || kept(index)) out.add(at + index, at + index + 1);
  return true;
}

/*
 * Folded clusters, remembered: a text that cannot fold in place (a PDF's Arabic in presentation forms)
 * repeats the same few hundred letters. Cleared when full, so that it never grows without end.
 */
const foldedClusters = new Map<string, string>();
const REMEMBERED_CLUSTERS = 10_000;

function foldCluster(cluster: string): string {
  let folded = foldedClusters.get(cluster);
  if (folded === undefined) {
    if (foldedClusters.size >= REMEMBERED_CLUSTERS) foldedClusters.clear();
    folded = foldText(cluster);
    foldedClusters.set(cluster, folded);
  }
  return folded;
}

/** One run of spaces or of other characters, folded: in place, else each character with its marks. */
function foldRun(out: Builder, run: string, at: number) {
  if (foldInPlace(out, run, at)) return;
  for (const { 0: cluster, index } of run.matchAll(CLUSTERS)) {
    const folded = foldCluster(cluster);
    out.parts.push(folded);
    for (let unit = 0; unit < folded.length; unit++) out.add(at + index, at + index + cluster.length);
  }
}

/** The text as indexableText makes it, with the origin of each of its characters. */
export function withOrigins(original: string): TextWithOrigins {
  const folded = new Builder(original.length);
  // Most texts fold in place as a whole; the others run by run (a word, or the spaces between two).
  if (!foldInPlace(folded, original, 0))
    for (const run of original.matchAll(RUNS)) foldRun(folded, run[0], run.index);
  const foldedText = folded.text();
  const pieces = chinesePieces(foldedText);
  if (pieces.length === 1)
    return {
      original,
      text: foldedText,
      starts: folded.starts.subarray(0, folded.length),
      ends: folded.ends.subarray(0, folded.length),
    };
  const cut = new Builder(foldedText.length + pieces.length);
  let at = 0;
  for (const piece of pieces) {
    cut.parts.push(piece.text);
    if (piece.isAdded) {
      // An added space comes from nowhere: an empty range where the next character starts.
      const position = at < folded.length ? (folded.starts[at] ?? 0) : original.length;
      cut.add(position, position);
    } else
      for (const end = at + piece.text.length; at < end; at++)
        cut.add(folded.starts[at] ?? 0, folded.ends[at] ?? 0);
  }
  return {
    original,
    text: cut.text(),
    starts: cut.starts.subarray(0, cut.length),
    ends: cut.ends.subarray(0, cut.length),
  };
}

/**
 * Where a position of the indexed text falls in the original: at the start of the first character from
 * there on that came from the original, so that a space segmentation added never starts or ends a passage,
 * and what a fold dropped between two characters goes with the passage before it.
 */
export function originalPosition(mapped: TextWithOrigins, position: number): number {
  for (let index = position; index < mapped.text.length; index++) {
    const start = mapped.starts[index] ?? mapped.original.length;
    if (start !== mapped.ends[index]) return start;
  }
  return mapped.original.length;
}
