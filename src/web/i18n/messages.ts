// Message catalogues: English is bundled and defines the keys; the others load on demand.
import en from '../messages/en.json' with { type: 'json' };
import type { Language } from './languages.js';

export type Messages = typeof en;
/** Every key of en.json; a key missing there is a type error wherever t() is called with it. */
export type MessageKey = keyof Messages;
export type Catalogue = Readonly<Record<MessageKey, string>>;

export const ENGLISH: Catalogue = en;

// Each loader's `satisfies` makes a catalogue that lacks one of English's keys fail to compile.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ar: () =>
    import('../messages/ar.json', { with: { type: 'json' } }).then((m) => m.default satisfies Catalogue),
  zh: () =>
    import('../messages/zh.json', { with: { type: 'json' } }).then((m) => m.default satisfies Catalogue),
  fr: () =>
    import('../messages/fr.json', { with: { type: 'json' } }).then((m) => m.default satisfies Catalogue),
  ru: () =>
    import('../messages/ru.json', { with: { type: 'json' } }).then((m) => m.default satisfies Catalogue),
  es: () =>
    import('../messages/es.json', { with: { type: 'json' } }).then((m) => m.default satisfies Catalogue),
};

export async function loadCatalogue(language: Language): Promise<Catalogue> {
  return language === 'en' ? ENGLISH : loaders[language]();
}
