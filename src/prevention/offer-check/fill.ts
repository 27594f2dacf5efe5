// Filling a text's {placeholders}: kept apart from the texts file, so that a browser bundle can bring one
// language's texts and still fill them with the same code.
import type { Language } from '../../reference/schemas.js';

export type Values = Readonly<Record<string, string>>;

/** A text with its {placeholders} filled; one without a value stays visible as {name}, so a gap shows. */
export function fill(text: string, values: Values = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A text in the language; a bundle of one language holds only that one. */
export function say(text: Partial<Record<Language, string>>, language: Language, values?: Values): string {
  return fill(text[language] ?? '', values);
}
