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

export type Direction = 'ltr' | 'rtl';

export type Bar = { label: string; value: number; text: string; colour: string };

const CHART = { width: 360, labelWidth: 140, valueWidth: 44, rowHeight: 17, barHeight: 11 };

/**
 * Bars from the labels' side: for a right-to-left language every x is mirrored and the labels sit on the right.
 * The text anchors stay as written because SVG reads start and end in the text's direction, which the chart
 * declares. The figures are also written beside the bars, so no one needs the bar lengths to read them.
 */
export function barChart(title: string, bars: readonly Bar[], dir: Direction): string {
  const { width, labelWidth, valueWidth, rowHeight, barHeight } = CHART;
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
  return `<figure class="chart"><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" direction="${dir}" font-size="10" fill="#1a1a1a">${rows.join('')}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}
