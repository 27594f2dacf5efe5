// Small pieces of printable HTML shared by the reports: escaping, and a horizontal bar chart as inline SVG that
// mirrors itself for right-to-left languages. Pure.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A name or title isolated from the text around it, so that it reads in its own direction (UAX #9). */
export function bdi(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

export type Direction = 'ltr' | 'rtl';

export type Bar = { label: string; value: number; text: string; colour: string };

const CHART = { width: 360, valueWidth: 44, rowHeight: 17, barHeight: 11 };

/** Wide characters: CJK ideographs, kana, hangul and full-width forms take about a whole em each. */
const WIDE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]/;

/**
 * Room for the longest label, estimated at 10 px per em: no font metrics without a browser, so generously (0.62 em
 * a letter covers Cyrillic in the common sans fonts), within bounds that keep the bars readable.
 */
function labelRoom(labels: readonly string[]): number {
  const widthOf = (text: string) => [...text].reduce((sum, char) => sum + (WIDE.test(char) ? 10 : 6.2), 0);
  return Math.min(190, Math.max(70, Math.ceil(Math.max(0, ...labels.map(widthOf)) + 10)));
}

/**
 * Bars from the labels' side (the title is the chart's accessible name, and its caption unless the heading above
 * already says it): for a right-to-left language every x is mirrored and the labels sit on the right.
 * The text anchors stay as written because SVG reads start and end in the text's direction, which the chart
 * declares. The figures are also written beside the bars, so no one needs the bar lengths to read them.
 */
export function barChart(
  title: string,
  bars: readonly Bar[],
  dir: Direction,
  options: { caption: boolean } = { caption: true },
): string {
  const { width, valueWidth, rowHeight, barHeight } = CHART;
  const labelWidth = labelRoom(bars.map((bar) => bar.label));
  const span = width - labelWidth - valueWidth;
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const x = (position: number) => (dir === 'rtl' ? width - position : position);
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight;
    const length = max > 0 ? (span * bar.value) / max : 0;
    const barStart = dir === 'rtl' ? width - labelWidth - length : labelWidth;
    return [
      `<text x="${x(labelWidth - 5)}" y="${y + 12}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      length > 0
        ? `<rect x="${barStart.toFixed(1)}" y="${y + 3}" width="${length.toFixed(1)}" height="${barHeight}" fill="${bar.colour}"/>`
        : '',
      `<text x="${x(labelWidth + length + 4).toFixed(1)}" y="${y + 12}" text-anchor="start">${escapeHtml(bar.text)}</text>`,
    ].join('');
  });
  const height = bars.length * rowHeight + 4;
  return `<figure class="chart"><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" direction="${dir}" font-size="10" fill="#1a1a1a">${rows.join('')}</svg>${options.caption ? `<figcaption>${escapeHtml(title)}</figcaption>` : ''}</figure>`;
}

export type Segment = { value: number; colour: string };

/** One bar split into parts (a plan's indicators by status), filled from the reading side; the legend says the figures. */
export function stackedBar(title: string, segments: readonly Segment[], dir: Direction): string {
  const width = 360;
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  let filled = 0;
  const rects = segments.flatMap((segment) => {
    if (total === 0 || segment.value === 0) return [];
    const length = (width * segment.value) / total;
    const x = dir === 'rtl' ? width - filled - length : filled;
    filled += length;
    return [
      `<rect x="${x.toFixed(1)}" y="0" width="${length.toFixed(1)}" height="10" fill="${segment.colour}"/>`,
    ];
  });
  const empty = total === 0 ? `<rect x="0" y="0" width="${width}" height="10" fill="#e3e7ea"/>` : '';
  return `<svg class="stacked" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} 10" width="100%" preserveAspectRatio="none">${empty}${rects.join('')}</svg>`;
}
