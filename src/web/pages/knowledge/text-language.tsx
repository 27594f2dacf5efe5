// Texts written in another language than the interface's: marked with `lang` (and `dir` for Arabic) so that
// screen readers pronounce them and right-to-left text lays out on its own; languages named in themselves.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { isLanguage, languageInfo } from '../../i18n/languages.js';

/** The attributes a text in `language` needs inside the current page (none when it is the page's own). */
export function useTextLanguage(): (language: string) => { lang?: string; dir?: 'ltr' | 'rtl' } {
  const { language: ui, info } = useI18n();
  return (language) => {
    if (language === ui || !isLanguage(language)) return {};
    const dir = languageInfo(language).dir;
    return dir === info.dir ? { lang: language } : { lang: language, dir };
  };
}

/** A language's name in that language ("Français", "العربية"), so a reader finds theirs whatever is on screen. */
export function endonymOf(language: string): string {
  return isLanguage(language) ? languageInfo(language).endonym : language;
}

/** A language's own name, marked as written in it. */
export function LanguageName(props: { language: string }) {
  const attributes = useTextLanguage()(props.language);
  return <span {...attributes}>{endonymOf(props.language)}</span>;
}

/** Text written by people in the item's language: a <span> or another element with its language marked. */
export function InLanguage(props: {
  language: string;
  as?: 'span' | 'div' | 'p' | 'h1' | 'h2' | 'h3';
  className?: string;
  children: ReactNode;
}) {
  const attributes = useTextLanguage()(props.language);
  const Element = props.as ?? 'span';
  return (
    <Element className={props.className} {...attributes}>
      {props.children}
    </Element>
  );
}
