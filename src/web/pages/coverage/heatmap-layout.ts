// Where a heat-map's labels and cells go: room measured from the labels themselves, mirrored for right-to-left
// languages, so that no row or column label is clipped or hidden whatever its length or script. Pure.

export const CELL = 30;
export const FONT_SIZE = 12;
const SLANT = (55 * Math.PI) / 180;
const GAP = 8;

/** A label's width in pixels at the heat-map's font size: measured by the caller, or estimated per character. */
export type Measure = (label: string, bold: boolean) => number;

/** Wide scripts (CJK) take a full em per character, others a little over half. */
export const estimateWidth: Measure = (label, bold) => {
  let width = 0;
  for (const char of label) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? FONT_SIZE : FONT_SIZE * 0.58;
  return width * (bold ? 1.08 : 1);
};

export type HeatLayout = {
  width: number;
  height: number;
  /** Top of the grid: the slanted column labels stand above it. */
  gridTop: number;
  /** Left edge of column `c` (columns run right to left in a right-to-left language). */
  columnX: (c: number) => number;
  rowY: (r: number) => number;
  /** Where row labels are anchored, and which visual side of the text sits there. */
  rowLabel: { x: number; anchor: 'start' | 'end' };
  /** Column labels: anchored at the column's centre above the grid, slanted away from the row labels. */
  columnLabel: { rotate: number; anchor: 'start' | 'end' };
  sourceX: number;
  sourceAnchor: 'start' | 'end';
};

export function layoutHeatMap(
  rows: readonly string[],
  columns: readonly string[],
  isRtl: boolean,
  measure: Measure = estimateWidth,
): HeatLayout {
  const rowRoom = Math.ceil(Math.max(0, ...rows.map((r) => measure(r, true)))) + GAP * 2;
  const widths = columns.map((c) => measure(c, false));
  const gridTop = Math.ceil(Math.max(0, ...widths) * Math.sin(SLANT)) + GAP * 2;
  // A slanted label leans past the grid's far edge by what its horizontal extent exceeds the columns after it.
  const overhang = widths.map((w, c) => w * Math.cos(SLANT) - ((columns.length - c) * CELL - CELL / 2));
  const lean = Math.ceil(Math.max(0, ...overhang)) + GAP;
  const gridWidth = columns.length * CELL;
  const width = rowRoom + gridWidth + lean;
  const height = gridTop + rows.length * CELL + 28;
  const rowY = (r: number) => gridTop + r * CELL;
  if (!isRtl)
    return {
      width,
      height,
      gridTop,
      columnX: (c) => rowRoom + c * CELL,
      rowY,
      rowLabel: { x: rowRoom - GAP, anchor: 'end' },
      columnLabel: { rotate: -55, anchor: 'start' },
      sourceX: 4,
      sourceAnchor: 'start',
    };
  const gridRight = lean + gridWidth;
  return {
    width,
    height,
    gridTop,
    columnX: (c) => gridRight - (c + 1) * CELL,
    rowY,
    rowLabel: { x: gridRight + GAP, anchor: 'start' },
    columnLabel: { rotate: 55, anchor: 'end' },
    sourceX: width - 4,
    sourceAnchor: 'end',
  };
}
