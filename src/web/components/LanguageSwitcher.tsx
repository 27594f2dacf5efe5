// Links to the same page in each UN language, each named in itself (as on un.org).
import { useI18n } from '../i18n/I18nProvider.js';
import { LANGUAGE_INFO, LANGUAGE_PARAM } from '../i18n/languages.js';
import { useLocation } from '../router.js';

export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t('app.languageNavigation')}>
      <ul>
        {LANGUAGE_INFO.map((info) => {
          const search = new URLSearchParams(location.search);
          search.set(LANGUAGE_PARAM, info.code);
          const isCurrent = info.code === language;
          return (
            <li key={info.code}>
              <a
                href={`${location.pathname}?${search.toString()}`}
                lang={info.code}
                hrefLang={info.code}
                dir={info.dir}
                aria-current={isCurrent ? 'true' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  setLanguage(info.code);
                }}
              >
                {info.endonym}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
