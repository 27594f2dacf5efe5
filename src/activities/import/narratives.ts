// IATI narratives: every text of an element with its language, and the one to show when one is needed. Pure.
import { childrenOf, type XmlNode } from './xml-tree.js';

export type Narrative = { lang: string | null; text: string };

/** Every non-empty narrative of the element; one without xml:lang is in the activity's default language. */
export function narrativesOf(node: XmlNode | undefined, defaultLang: string | null): Narrative[] {
  if (!node) return [];
  return childrenOf(node, 'narrative').flatMap((n) => {
    const text = n.text.trim();
    if (!text) return [];
    return [{ lang: (n.attributes['xml:lang'] ?? defaultLang)?.toLowerCase() ?? null, text }];
  });
}

/** The text to show: English or unmarked first, else the first one. */
export function preferredText(narratives: readonly Narrative[]): string | null {
  const chosen = narratives.find((n) => n.lang === null || n.lang === 'en') ?? narratives[0];
  return chosen?.text ?? null;
}

/** The text of an element's narratives as shown (for elements read once, like a location name). */
export function narrativeOf(node: XmlNode | undefined, defaultLang: string | null = null): string | null {
  return preferredText(narrativesOf(node, defaultLang));
}
