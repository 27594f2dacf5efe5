// A tagged template for the report's HTML and SVG that escapes every interpolated value unless it is markup
// built by the same tag, so a plan's text (titles, names, narratives) can never inject markup or script.
import { escapeXml } from '../../platform/xml-text.js';

/** Markup built by `html`: trusted because each value placed in it went through the escaper. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolation = Markup | string | number | null | undefined | false | readonly Interpolation[];

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Markup(out);
}

function render(value: Interpolation): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeXml(String(value));
}

/** Markup written by this code itself (the stylesheet), never text from a plan. */
export function trustedMarkup(text: string): Markup {
  return new Markup(text);
}
