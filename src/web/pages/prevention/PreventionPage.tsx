// Prevention for people going abroad: where the public checks a job offer, an agency's licence and the
// commitments employers and the travel sector signed; and, for coordinators, what people chose to report of
// the offers they checked, as counts only (a report holds no name and no way to reach its sender).
import { type OfferReportCounts, useOfferReportCounts } from '../../api/offer-check.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCountryNames } from '../plans/countries.js';
import { ReportCountTable } from './ReportCountTable.js';
import { useReportLabels } from './report-labels.js';

export function PreventionPage() {
  const { t, language } = useI18n();
  const session = useSession();
  const mayReadReports = session.can('offer_check.reports_read');
  return (
    <article className="prevention-page">
      <PageHeading>{t('nav.prevention')}</PageHeading>
      <p className="lede">{t('prevention.intro')}</p>
      <ul className="prevention-tools">
        <li>
          {/* A plain link, not the app's router: the check is a page of its own that works without this app. */}
          <a href={`/check?lang=${language}`}>{t('home.offerCheckLink')}</a>
          <p>{t('prevention.checkNote')}</p>
        </li>
        <li>
          <Link to="/intermediaries">{t('prevention.registerLink')}</Link>
          <p>{t('prevention.registerNote')}</p>
        </li>
        <li>
          <Link to="/commitments">{t('prevention.commitmentsLink')}</Link>
          <p>{t('prevention.commitmentsNote')}</p>
        </li>
      </ul>
      {mayReadReports ? <ReportCounts /> : null}
    </article>
  );
}

function ReportCounts() {
  const { t, formatDate } = useI18n();
  const counts = useOfferReportCounts(true);
  return (
    <section aria-labelledby="offer-reports-heading">
      <h2 id="offer-reports-heading">{t('prevention.reportsHeading')}</h2>
      <p>{t('prevention.reportsNote')}</p>
      <ResourceView resource={counts}>
        {(body) =>
          body.data.total === 0 ? (
            <p>{t('prevention.noReports')}</p>
          ) : (
            <>
              <p role="status">
                {t('prevention.reportsTotal', {
                  count: body.data.total,
                  since: body.data.since ? formatDate(body.data.since) : '',
                })}
              </p>
              <CountTables counts={body.data} />
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

function CountTables(props: { counts: OfferReportCounts }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const labels = useReportLabels();
  const { counts } = props;
  const unknown = t('prevention.notSaid');
  return (
    <div className="prevention-counts">
      <ReportCountTable
        caption={t('prevention.byFlag')}
        heading={t('prevention.flag')}
        rows={counts.byFlag.map((row) => ({ label: labels.flag(row.flag), count: row.count }))}
      />
      <ReportCountTable
        caption={t('prevention.byDestination')}
        heading={t('prevention.destination')}
        rows={counts.byDestination.map((row) => ({
          label: row.country ? countries.nameOf(row.country) : unknown,
          count: row.count,
        }))}
      />
      <ReportCountTable
        caption={t('prevention.bySector')}
        heading={t('prevention.sector')}
        rows={counts.bySector.map((row) => ({
          label: row.sector ? labels.sector(row.sector) : unknown,
          count: row.count,
        }))}
      />
      <ReportCountTable
        caption={t('prevention.byAgency')}
        heading={t('prevention.agency')}
        rows={counts.byAgency.map((row) => ({
          label: [row.agencyName, row.agencyLicenceNumber].filter(Boolean).join(' · ') || unknown,
          count: row.count,
        }))}
      />
    </div>
  );
}
