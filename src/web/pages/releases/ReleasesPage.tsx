// The public list of published releases with their downloads and checksums; people who may prepare
// releases also see their drafts here, and the way to prepare a new one.
import { type ReleaseSummary, releasePath, useReleases } from '../../api/releases.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { mayPrepare, mayPrepareFromFile } from './prepare-rights.js';
import { methodPhrase } from './release-labels.js';
import './releases.css';
import { TableScroll } from '../../components/TableScroll.js';

export function ReleasesPage() {
  const { t } = useI18n();
  const session = useSession();
  const releases = useReleases();
  return (
    <article className="releases-page">
      <PageHeading>{t('releases.title')}</PageHeading>
      <p className="lede">{t('releases.intro')}</p>
      {mayPrepare(session) ? (
        <p className="release-links">
          <Link to="/releases/new" className="button">
            {t('releases.prepare')}
          </Link>
          {mayPrepareFromFile(session) ? (
            <Link to="/releases/budgets">{t('releases.budgetsLink')}</Link>
          ) : null}
        </p>
      ) : null}
      <ResourceView resource={releases}>
        {(body) => {
          const published = body.data.filter((release) => release.status === 'published');
          const others = body.data.filter((release) => release.status !== 'published');
          return (
            <>
              <ReleaseTable caption={t('releases.publishedCaption')} releases={published} />
              {published.length === 0 ? <p>{t('releases.nonePublished')}</p> : null}
              {others.length > 0 ? (
                <section aria-labelledby="release-drafts">
                  <h2 id="release-drafts">{t('releases.draftsHeading')}</h2>
                  <ReleaseTable caption={t('releases.draftsCaption')} releases={others} />
                </section>
              ) : null}
            </>
          );
        }}
      </ResourceView>
    </article>
  );
}

function ReleaseTable(props: { caption: string; releases: ReleaseSummary[] }) {
  const { t, formatNumber, formatDate } = useI18n();
  if (props.releases.length === 0) return null;
  return (
    <TableScroll>
      <table className="data-table release-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('releases.column.title')}</th>
            <th scope="col">{t('releases.column.method')}</th>
            <th scope="col" className="numeric">
              {t('releases.column.rows')}
            </th>
            <th scope="col">{t('releases.column.date')}</th>
            <th scope="col">{t('releases.column.downloads')}</th>
          </tr>
        </thead>
        <tbody>
          {props.releases.map((release) => (
            <tr key={release.id}>
              <th scope="row">
                <Link to={`/releases/${release.id}`}>{release.title}</Link>
                {release.status !== 'published' ? (
                  <span className="badge badge-muted">{t(`releases.status.${release.status}`)}</span>
                ) : null}
              </th>
              <td>{methodPhrase(t, release.method, release.parameters, formatNumber)}</td>
              <td className="numeric">{formatNumber(release.outputRows)}</td>
              <td>{formatDate(release.publishedAt ?? release.createdAt)}</td>
              <td>
                <Downloads release={release} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The CSV and the report, each link naming its release, and the checksum that proves the file. */
export function Downloads(props: { release: ReleaseSummary }) {
  const { t } = useI18n();
  const { release } = props;
  return (
    <span className="release-downloads">
      <a href={releasePath(release.id, '/data.csv')} download>
        {t('releases.downloadCsv')}
        <span className="visually-hidden"> {release.title}</span>
      </a>
      <a href={releasePath(release.id, '/report.html')} target="_blank" rel="noopener">
        {t('releases.openReport')}
        <span className="visually-hidden">
          {' '}
          {release.title} {t('releases.newTab')}
        </span>
      </a>
      <span className="release-checksum">
        {t('releases.checksum')}{' '}
        <code dir="ltr" title={release.outputChecksum}>
          {release.outputChecksum.slice(0, 16)}…
        </code>
      </span>
    </span>
  );
}
