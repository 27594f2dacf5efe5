// The language context: t() for messages, the current language, and switching it everywhere at once.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { replaceQueryParam } from '../router.js';
import { formatMessage, type MessageParams } from './format.js';
import {
  chooseInitialLanguage,
  LANGUAGE_PARAM,
  LANGUAGE_STORAGE_KEY,
  type Language,
  type LanguageInfo,
  languageInfo,
} from './languages.js';
import { type Catalogue, ENGLISH, loadCatalogue, type MessageKey } from './messages.js';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export type I18n = {
  language: Language;
  info: LanguageInfo;
  t: Translate;
  /** Formats a number for the current language. */
  formatNumber: (value: number) => string;
  /** Formats an ISO 8601 instant as date and time for the current language, in the reader's time zone. */
  formatDateTime: (iso: string, options?: { seconds?: boolean }) => string;
  /** Formats an ISO 8601 instant as a date only. */
  formatDate: (iso: string) => string;
  setLanguage: (language: Language) => void;
};

const I18nContext = createContext<I18n | null>(null);

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled by policy; the URL still carries the choice.
    return null;
  }
}

function rememberLanguage(language: Language) {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembering is acceptable; failing to switch is not.
  }
}

export function initialLanguage(): Language {
  return chooseInitialLanguage(window.location.search, readStoredLanguage(), navigator.languages ?? []);
}

type State = { language: Language; catalogue: Catalogue };

export function I18nProvider(props: { initial: State; children: ReactNode }) {
  const [state, setState] = useState<State>(props.initial);
  const { language, catalogue } = state;
  const info = languageInfo(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = info.dir;
    rememberLanguage(language);
    replaceQueryParam(LANGUAGE_PARAM, language);
  }, [language, info.dir]);

  const setLanguage = useCallback((next: Language) => {
    // Switch only once the catalogue is here, so the page never shows a mix of two languages.
    loadCatalogue(next).then(
      (nextCatalogue) => setState({ language: next, catalogue: nextCatalogue }),
      () => setState((current) => current),
    );
  }, []);

  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(info.intlLocale);
    const minutes = new Intl.DateTimeFormat(info.intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
    const seconds = new Intl.DateTimeFormat(info.intlLocale, { dateStyle: 'medium', timeStyle: 'medium' });
    const days = new Intl.DateTimeFormat(info.intlLocale, { dateStyle: 'medium' });
    const t: Translate = (key, params = {}) =>
      formatMessage(catalogue[key] ?? ENGLISH[key], params, info.intlLocale);
    const formatDateTime = (iso: string, options: { seconds?: boolean } = {}) =>
      (options.seconds ? seconds : minutes).format(new Date(iso));
    const formatDate = (iso: string) => days.format(new Date(iso));
    return {
      language,
      info,
      t,
      formatNumber: (n) => numbers.format(n),
      formatDateTime,
      formatDate,
      setLanguage,
    };
  }, [language, info, catalogue, setLanguage]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>.');
  return context;
}

/** Loads the starting language's catalogue before the first render. */
export async function loadInitialState(): Promise<State> {
  const language = initialLanguage();
  try {
    return { language, catalogue: await loadCatalogue(language) };
  } catch {
    return { language: 'en', catalogue: ENGLISH };
  }
}
