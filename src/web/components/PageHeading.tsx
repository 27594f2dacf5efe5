// A page's single h1: names the page in the tab title and takes focus after an in-app navigation.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { navigationsSinceLoad } from '../router.js';

export const MAIN_HEADING_ID = 'main-heading';

/** `lang` and `dir` mark a heading written in another language than the page's (a document's own title). */
export function PageHeading(props: {
  children: string;
  isHome?: boolean;
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = props.children;

  useEffect(() => {
    document.title = props.isHome ? `${t('app.name')} — ${text}` : t('app.documentTitle', { page: text });
  }, [t, text, props.isHome]);

  useEffect(() => {
    // After a click or back/forward, a screen reader hears the new page's name and Tab starts
    // from its content; on first arrival the browser's own focus handling is left alone.
    if (navigationsSinceLoad() > 0) ref.current?.focus();
  }, []);

  return (
    <h1 id={MAIN_HEADING_ID} ref={ref} tabIndex={-1} lang={props.lang} dir={props.dir}>
      {text}
    </h1>
  );
}
