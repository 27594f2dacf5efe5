// Saves a chart's SVG as an .svg file or, drawn on a canvas, as a .png, with its title and source.

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif';
const BAND = 28;

export type ExportText = { title: string; source: string; dir: 'ltr' | 'rtl' };

function viewBoxOf(svg: SVGSVGElement): [number, number, number, number] {
  const parts = (svg.getAttribute('viewBox') ?? '0 0 640 360').split(/[\s,]+/).map(Number);
  const [x = 0, y = 0, w = 640, h = 360] = parts;
  return [x, y, w, h];
}

function textLine(content: string, x: number, y: number, size: number, text: ExportText): SVGTextElement {
  const line = document.createElementNS(SVG_NS, 'text');
  line.setAttribute('x', String(x));
  line.setAttribute('y', String(y));
  line.setAttribute('font-size', String(size));
  line.setAttribute('fill', '#1b2430');
  line.setAttribute('direction', text.dir);
  line.setAttribute('text-anchor', 'start');
  line.textContent = content;
  return line;
}

/** A standalone SVG document of the chart: title above, source line below, fonts and size set. */
export function serializeChart(
  svg: SVGSVGElement,
  text: ExportText,
): { markup: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [x, y, w, h] = viewBoxOf(svg);
  const height = h + 2 * BAND;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `${x} ${y - BAND} ${w} ${height}`);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', FONT);
  clone.removeAttribute('class');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', String(x));
  background.setAttribute('y', String(y - BAND));
  background.setAttribute('width', String(w));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  const edge = text.dir === 'rtl' ? x + w - 8 : x + 8;
  clone.appendChild(textLine(text.title, edge, y - BAND + 19, 15, text));
  clone.appendChild(textLine(text.source, edge, y + h + 19, 11, text));
  return { markup: new XMLSerializer().serializeToString(clone), width: w, height };
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, text: ExportText, fileName: string) {
  const { markup } = serializeChart(svg, text);
  save(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), `${fileName}.svg`);
}

/** Draws the serialized SVG on a canvas at twice its size (sharp on high-density screens) and saves it. */
export function downloadPng(svg: SVGSVGElement, text: ExportText, fileName: string): Promise<void> {
  const { markup, width, height } = serializeChart(svg, text);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext('2d');
      if (!context) {
        URL.revokeObjectURL(url);
        reject(new Error('no 2d canvas'));
        return;
      }
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (blob) {
          save(blob, `${fileName}.png`);
          resolve();
        } else reject(new Error('the canvas gave no PNG'));
      }, 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn'));
    };
    image.src = url;
  });
}

/** A file name from a title: letters and digits of any script kept, the rest as dashes. */
export function fileNameFor(title: string): string {
  return (
    title
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  );
}
