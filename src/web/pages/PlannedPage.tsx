// The page of a capability not built yet: says plainly what it will do, with no invented data.
import { PageHeading } from '../components/PageHeading.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '../router.js';
import { PLANNED, type PlannedRoute } from '../routes.js';

export function PlannedPage(props: { route: PlannedRoute }) {
  const { t } = useI18n();
  const planned = PLANNED[props.route];
  return (
    <article className="planned">
      <PageHeading>{t(planned.title)}</PageHeading>
      <p className="badge">{t('planned.label')}</p>
      <p>{t('planned.intro')}</p>
      <p className="planned-description">{t(planned.description)}</p>
      <p>
        {t('planned.meanwhile')} <Link to="/reference">{t('planned.referenceLink')}</Link>
      </p>
    </article>
  );
}
