// Heat-map layout: every label has room, whatever its length, and right-to-left mirrors the grid.
import { describe, expect, it } from 'vitest';
import { CELL, estimateWidth, layoutHeatMap } from './heatmap-layout.js';

const ROWS = [
  'Prevention',
  'Protection and assistance to victims of trafficking',
  'Prosecution',
  'Partnership',
];
const COLUMNS = ['Shelter', 'Legal aid', 'Training of police, prosecutors, judges and labour inspectors'];

describe('heat-map layout', () => {
  it('makes room for the longest row label before the grid, and for slanted column labels above it', () => {
    const layout = layoutHeatMap(ROWS, COLUMNS, false);
    const longestRow = estimateWidth(ROWS[1] as string, true);
    expect(layout.columnX(0)).toBeGreaterThanOrEqual(longestRow);
    expect(layout.rowLabel).toEqual({ x: expect.any(Number), anchor: 'end' });
    const longestColumn = estimateWidth(COLUMNS[2] as string, false);
    expect(layout.gridTop).toBeGreaterThanOrEqual(longestColumn * Math.sin((55 * Math.PI) / 180));
    const lastCentre = layout.columnX(2) + CELL / 2;
    expect(lastCentre + longestColumn * Math.cos((55 * Math.PI) / 180)).toBeLessThanOrEqual(layout.width);
  });

  it('puts row labels on the right and the first column rightmost in a right-to-left language', () => {
    const layout = layoutHeatMap(['الوقاية', 'الحماية والمساعدة'], ['المأوى', 'المساعدة القانونية'], true);
    expect(layout.columnX(0)).toBeGreaterThan(layout.columnX(1));
    expect(layout.rowLabel.anchor).toBe('start');
    expect(layout.rowLabel.x).toBeGreaterThan(layout.columnX(0) + CELL);
    expect(layout.rowLabel.x + estimateWidth('الحماية والمساعدة', true)).toBeLessThanOrEqual(layout.width);
    expect(layout.columnX(1)).toBeGreaterThanOrEqual(0);
  });
});
