// One agency in the look-up's answer: its name (to its page), kind and country, licence standing and the
// risk signs, every sentence as the server wrote it in the reader's language.
import type { AgencyView } from '../../api/intermediaries.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useCountryNames } from '../plans/countries.js';

export function AgencySummary(props: { agency: AgencyView; why: string }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const { agency } = props;
  return (
    <article className="agency-summary">
      <h3>
        <Link to={`/intermediaries/${agency.id}`}>{agency.name}</Link>
      </h3>
      <p className="agency-meta">
        {t('intermediaries.kindCountry', {
          kind: agency.sentences.kind,
          country: countries.nameOf(agency.country),
        })}
      </p>
      <p>
        <StateBadge agency={agency} /> {agency.sentences.standing}
      </p>
      <SignList agency={agency} />
      <p className="agency-why">{props.why}</p>
    </article>
  );
}

export function StateBadge(props: { agency: AgencyView }) {
  const good = props.agency.standing.state === 'licensed';
  return (
    <strong className={`state-badge ${good ? 'state-good' : 'state-bad'}`}>
      {props.agency.sentences.state}
    </strong>
  );
}

export function SignList(props: { agency: AgencyView; headingLevel?: 3 | 4 }) {
  const { t } = useI18n();
  const { signs, sentences } = props.agency;
  if (signs.length === 0) return <p className="no-signs">{t('intermediaries.noSigns')}</p>;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="risk-signs">
      <Heading>{t('intermediaries.signsHeading')}</Heading>
      <ul>
        {signs.map((sign, i) => (
          <li key={sign.id} className={`sign-${sign.severity}`}>
            {sentences.signs[i]}
          </li>
        ))}
      </ul>
    </div>
  );
}
