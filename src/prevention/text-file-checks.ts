// Checks of a texts file in the six UN languages, shared by the prevention modules' tests: read from the data file
// itself, so that a gap is named even when the module would refuse to load.
import { LANGUAGES } from '../reference/schemas.js';

export type Tree = { [key: string]: unknown };

/** The node at a dotted path of the file, or undefined. */
export function textAt(file: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], file);
}

/** Every object in the file that holds an English text is a text in six languages. */
export function allTexts(node: unknown, path = ''): [string, Tree][] {
  if (typeof node !== 'object' || node === null) return [];
  if ('en' in node) return [[path, node as Tree]];
  return Object.entries(node).flatMap(([key, child]) => allTexts(child, path ? `${path}.${key}` : key));
}

/** The languages a text lacks or leaves empty, each named by its path. */
export function gapsIn(path: string, text: unknown): string[] {
  if (typeof text !== 'object' || text === null) return [`${path}: missing`];
  return LANGUAGES.filter((language) => {
    const value = (text as Tree)[language];
    return typeof value !== 'string' || value.trim() === '';
  }).map((language) => `${path}.${language}: missing or empty`);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Paths of the translations whose placeholders differ from the English text's. */
export function placeholderMismatches(file: unknown): string[] {
  return allTexts(file).flatMap(([path, text]) =>
    LANGUAGES.filter(
      (language) =>
        JSON.stringify(placeholders(String(text[language]))) !==
        JSON.stringify(placeholders(String(text.en))),
    ).map((language) => `${path}.${language}`),
  );
}
