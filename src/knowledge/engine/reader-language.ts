// The language a reader reads the library in: ?lang first, then the first of Accept-Language's languages
// (by quality, RFC 9110 §12.5.4) that is one of the six, else none. Pure.
import { isKnowledgeLanguage, type KnowledgeLanguage } from '../text/languages.js';

export function readerLanguage(
  asked: KnowledgeLanguage | undefined,
  acceptLanguage: string | undefined,
): KnowledgeLanguage | null {
  if (asked) return asked;
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [range = '', ...parameters] = part.trim().split(';');
      const quality = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return {
        primary: range.trim().toLowerCase().split('-')[0] ?? '',
        quality: Number(quality ?? 1),
        index,
      };
    })
    .filter((entry) => entry.quality > 0 && isKnowledgeLanguage(entry.primary))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const first = ranked[0]?.primary;
  return first && isKnowledgeLanguage(first) ? first : null;
}
