// One agency as anyone may see it: who it is, its licence standing and why, the risk signs, its licences,
// the last inspection and the sanctions in force. Complaints are never listed, only counted in a sign.
// Those who keep the register record inspections, complaints and sanctions below.
import type { AgencyView } from '../../api/intermediaries.js';
import { useAgency } from '../../api/intermediaries.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCountryNames } from '../plans/countries.js';
import { SignList, StateBadge } from './AgencySummary.js';
import { KeeperForms } from './KeeperForms.js';
import './intermediaries.css';

export function AgencyPage(props: { id: string }) {
  const { t, language } = useI18n();
  const agency = useAgency(props.id, language);
  return (
    <article className="intermediaries-page">
      <p className="back-link">
        <Link to="/intermediaries">{t('intermediaries.back')}</Link>
      </p>
      <ResourceView resource={agency}>
        {(body) => <AgencyDetails agency={body.data} onChanged={agency.reload} />}
      </ResourceView>
    </article>
  );
}

function AgencyDetails(props: { agency: AgencyView; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const countries = useCountryNames();
  const { agency } = props;
  const keeps = session.can('intermediaries.write', { organisationId: agency.keeperOrganisationId });
  return (
    <>
      <PageHeading>{agency.name}</PageHeading>
      <dl className="agency-facts">
        <dt>{t('intermediaries.kind')}</dt>
        <dd>{agency.sentences.kind}</dd>
        <dt>{t('intermediaries.countryShort')}</dt>
        <dd>{countries.nameOf(agency.country)}</dd>
        {agency.otherNames.length > 0 ? (
          <>
            <dt>{t('intermediaries.otherNames')}</dt>
            <dd>{agency.otherNames.join('; ')}</dd>
          </>
        ) : null}
        {agency.address ? (
          <>
            <dt>{t('intermediaries.address')}</dt>
            <dd>{agency.address}</dd>
          </>
        ) : null}
        {agency.registrationNumber ? (
          <>
            <dt>{t('intermediaries.registration')}</dt>
            <dd dir="ltr">{agency.registrationNumber}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="standing-heading">
        <h2 id="standing-heading">{t('intermediaries.standing')}</h2>
        <p>
          <StateBadge agency={agency} /> {agency.sentences.standing}
        </p>
        <SignList agency={agency} headingLevel={3} />
      </section>
      <Licences agency={agency} />
      <section aria-labelledby="inspection-heading">
        <h2 id="inspection-heading">{t('intermediaries.lastInspection')}</h2>
        <p>
          {agency.lastInspection
            ? t('intermediaries.lastInspectionOn', {
                date: agency.lastInspection.date,
                outcome: agency.sentences.lastInspection ?? '',
              })
            : t('intermediaries.noInspection')}
        </p>
      </section>
      <section aria-labelledby="sanctions-heading">
        <h2 id="sanctions-heading">{t('intermediaries.sanctionsInForce')}</h2>
        {agency.sanctionsInForce.length === 0 ? (
          <p>{t('intermediaries.noSanctions')}</p>
        ) : (
          <ul>
            {agency.sanctionsInForce.map((sanction, i) => (
              <li key={`${sanction.kind}-${sanction.imposedOn}`}>
                {t(sanction.until ? 'intermediaries.sanctionUntil' : 'intermediaries.sanctionSince', {
                  sanction: agency.sentences.sanctionsInForce[i] ?? '',
                  since: sanction.imposedOn,
                  until: sanction.until ?? '',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {keeps ? <KeeperForms agencyId={agency.id} onSaved={props.onChanged} /> : null}
    </>
  );
}

function Licences(props: { agency: AgencyView }) {
  const { t } = useI18n();
  const { licences } = props.agency;
  return (
    <section aria-labelledby="licences-heading">
      <h2 id="licences-heading">{t('intermediaries.licences')}</h2>
      {licences.length === 0 ? (
        <p>{t('intermediaries.noLicences')}</p>
      ) : (
        <TableScroll>
          <table>
            <caption className="visually-hidden">{t('intermediaries.licences')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intermediaries.licenceNumber')}</th>
                <th scope="col">{t('intermediaries.authority')}</th>
                <th scope="col">{t('intermediaries.status')}</th>
                <th scope="col">{t('intermediaries.validFrom')}</th>
                <th scope="col">{t('intermediaries.validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {licences.map((licence) => (
                <tr key={`${licence.number}-${licence.issuingAuthority}`}>
                  <td dir="ltr">{licence.number}</td>
                  <td>{licence.issuingAuthority}</td>
                  <td>{t(`intermediaries.issued.${licence.status}`)}</td>
                  <td>{licence.validFrom ?? '—'}</td>
                  <td>{licence.validUntil ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
