// Shown for an address the app does not know.
import { PageHeading } from '../components/PageHeading.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <article>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.homeLink')}</Link>
      </p>
    </article>
  );
}
