// Fills a message's placeholders: {name}, {n, number} and {n, plural, =0 {…} one {# …} other {# …}}.
// A small subset of ICU MessageFormat, enough for this interface, with numbers and plural
// categories from Intl so each language gets its own rules (Arabic has six, Russian four).

export type MessageParams = Readonly<Record<string, string | number>>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

function pluralRule(locale: string): Intl.PluralRules {
  let rule = pluralRules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    pluralRules.set(locale, rule);
  }
  return rule;
}

/** Index of the brace that closes the one opened at `open`, or -1 when unbalanced. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits "=0 {none} one {# item} other {# items}" into selector → text. */
export function parsePluralOptions(body: string): Map<string, string> {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const close = closingBrace(body, open);
    if (close < 0) break;
    const selector = body.slice(i, open).trim();
    if (selector) options.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  return options;
}

function formatPlural(body: string, value: unknown, params: MessageParams, locale: string): string {
  const count = Number(value);
  const options = parsePluralOptions(body);
  const branch =
    options.get(`=${count}`) ?? options.get(pluralRule(locale).select(count)) ?? options.get('other') ?? '';
  // '#' stands for the count, formatted the way the language writes numbers.
  return formatMessage(branch.replaceAll('#', numberFormat(locale).format(count)), params, locale);
}

function formatPlaceholder(inner: string, params: MessageParams, locale: string): string {
  const [rawName = '', rawType, ...rest] = inner.split(',');
  const name = rawName.trim();
  const type = rawType?.trim();
  const value = params[name];
  if (type === 'plural') return formatPlural(rest.join(','), value, params, locale);
  // A missing value stays visible as {name}: an obvious gap beats a silently wrong sentence.
  if (value === undefined) return `{${name}}`;
  if (typeof value === 'number' || type === 'number') return numberFormat(locale).format(Number(value));
  return value;
}

export function formatMessage(message: string, params: MessageParams, locale: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    const close = closingBrace(message, open);
    if (close < 0) break;
    out += message.slice(i, open) + formatPlaceholder(message.slice(open + 1, close), params, locale);
    i = close + 1;
  }
  return out + message.slice(i);
}

/** The plural selectors a message uses, for checking them against a language's categories. */
export function pluralSelectors(message: string): string[] {
  const selectors: string[] = [];
  const pattern = /\{\s*\w+\s*,\s*plural\s*,/g;
  for (const match of message.matchAll(pattern)) {
    const open = match.index;
    const close = closingBrace(message, open);
    if (close < 0) continue;
    const body = message.slice(open + match[0].length, close);
    selectors.push(...parsePluralOptions(body).keys());
  }
  return selectors;
}
