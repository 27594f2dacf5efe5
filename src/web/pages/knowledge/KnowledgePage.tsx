// The knowledge library: good practices, lessons learned, legislation, case law, research, training material
// and guidelines, searched in the six UN languages. Everyone reads what is published; partners who write for
// an organisation find the way to a new draft and to the drafts in review.
import { PageHeading } from '../../components/PageHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { Library } from './Library.js';
import './knowledge.css';

export function KnowledgePage() {
  const { t } = useI18n();
  return (
    <article className="knowledge-page">
      <PageHeading>{t('knowledge.title')}</PageHeading>
      <p className="lede">{t('knowledge.intro')}</p>
      <WriterLinks />
      <Library searchLabel={t('knowledge.searchRegion')} />
    </article>
  );
}

/** Drafts are written and reviewed by partners: the links show only to those the API lets do it. */
function WriterLinks() {
  const { t } = useI18n();
  const session = useSession();
  const writes = session.can('knowledge.write');
  const reviews = session.can('knowledge.review');
  if (!writes && !reviews) return null;
  return (
    <ul className="writer-links">
      {writes ? (
        <li>
          <Link to="/knowledge/new" className="button">
            {t('knowledge.new')}
          </Link>
        </li>
      ) : null}
      <li>
        <Link to="/knowledge/drafts">{t('knowledge.drafts.link')}</Link>
      </li>
    </ul>
  );
}

/** Drafts and reviewed items the reader may see: their organisation's, or every one for a reviewer. */
export function KnowledgeDraftsPage() {
  const { t } = useI18n();
  return (
    <article className="knowledge-page">
      <p className="back-link">
        <Link to="/knowledge">{t('knowledge.back')}</Link>
      </p>
      <PageHeading>{t('knowledge.drafts.title')}</PageHeading>
      <p className="lede">{t('knowledge.drafts.intro')}</p>
      <Library statuses="draft,reviewed" searchLabel={t('knowledge.drafts.searchRegion')} />
    </article>
  );
}
