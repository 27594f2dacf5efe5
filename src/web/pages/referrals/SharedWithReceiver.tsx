// What a referral carries for the receiving organisation: only the person's fields and the case's facts
// its service needs (minimum necessary), and nothing once it is closed or consent was withdrawn.
import { useCodeList, useCountries } from '../../api/reference.js';
import type { Resource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { ReferralDetailView } from './referral-api.js';

type Shared = NonNullable<ReferralDetailView['shared']>;
type Labelled = {
  code?: string;
  iso3?: string;
  labels?: Record<string, string>;
  names?: Record<string, string>;
};

/** Code lists that name the facts' values; other facts are age bands or words with messages of their own. */
const FACT_LISTS: Record<string, string> = {
  sex: 'sex',
  formsOfExploitation: 'form_of_exploitation',
  meansOfControl: 'means_of_control',
  sector: 'forced_labour_sector',
  recruitmentChannel: 'recruitment_channel',
};
const COUNTRY_FACTS = new Set([
  'citizenship',
  'recruitmentCountries',
  'transitCountries',
  'exploitationCountries',
]);

function labelsOf(resource: Resource<{ data: unknown }>, language: string): Map<string, string> {
  if (resource.status !== 'ready') return new Map();
  const data = resource.data.data as { codes?: Labelled[] } | Labelled[];
  const entries = Array.isArray(data) ? data : (data.codes ?? []);
  return new Map(
    entries.map((entry) => [
      entry.code ?? entry.iso3 ?? '',
      (entry.labels ?? entry.names)?.[language] ?? entry.code ?? entry.iso3 ?? '',
    ]),
  );
}

function useFactValue(): (fact: string, value: string) => string {
  const { t, language } = useI18n();
  const lists = {
    sex: labelsOf(useCodeList('sex'), language),
    form_of_exploitation: labelsOf(useCodeList('form_of_exploitation'), language),
    means_of_control: labelsOf(useCodeList('means_of_control'), language),
    forced_labour_sector: labelsOf(useCodeList('forced_labour_sector'), language),
    recruitment_channel: labelsOf(useCodeList('recruitment_channel'), language),
  } as Record<string, Map<string, string>>;
  const countries = labelsOf(useCountries(), language);
  return (fact, value) => {
    if (COUNTRY_FACTS.has(fact)) return countries.get(value) ?? value;
    const list = FACT_LISTS[fact];
    if (list) return lists[list]?.get(value) ?? value;
    if (fact === 'gender') return t(`referrals.gender.${value as 'woman'}` as const);
    if (fact === 'recruiterRelation') return t(`referrals.relation.${value as 'friend'}` as const);
    return value;
  };
}

export function SharedWithReceiver(props: { referral: ReferralDetailView; shared: Shared }) {
  const { t } = useI18n();
  const factValue = useFactValue();
  const { shared } = props;
  return (
    <section aria-labelledby="shared-heading" className="shared">
      <h2 id="shared-heading">{t('referrals.sharedHeading')}</h2>
      {!shared.available ? (
        <p className="status status-info">{t('referrals.sharedUnavailable')}</p>
      ) : (
        <>
          <p>{t('referrals.sharedIntro')}</p>
          <h3>{t('referrals.factsHeading')}</h3>
          <dl className="facts">
            {props.referral.sharedFacts.map((fact) => {
              const value = (shared.facts as Record<string, unknown>)[fact];
              const values = Array.isArray(value) ? value : value == null ? [] : [value];
              return (
                <div key={fact}>
                  <dt>{t(`referrals.fact.${fact as 'sex'}` as const)}</dt>
                  <dd>
                    {values.length === 0
                      ? t('referrals.notRecorded')
                      : values.map((v) => factValue(fact, String(v))).join(', ')}
                  </dd>
                </div>
              );
            })}
          </dl>
          <h3>{t('referrals.personHeading')}</h3>
          <PersonFields fields={props.referral.sharedPersonFields} person={shared.person} />
        </>
      )}
    </section>
  );
}

function PersonFields(props: { fields: string[]; person: Shared['person'] }) {
  const { t, formatDate } = useI18n();
  const { person } = props;
  const lines: Record<string, string[]> = {
    names: (person.names ?? []).map((n) => `${n.value} (${t(`referrals.nameKind.${n.kind}` as const)})`),
    dateOfBirth: person.dateOfBirth ? [formatDate(`${person.dateOfBirth}T12:00:00Z`)] : [],
    contacts: (person.contacts ?? []).map(
      (c) => `${t(`referrals.contactKind.${c.kind}` as const)}: ${c.value}`,
    ),
    identityDocuments: (person.identityDocuments ?? []).map(
      (d) => `${t(`referrals.documentKind.${d.kind}` as const)}: ${d.number}`,
    ),
    addresses: (person.addresses ?? []).map((a) => a.text),
  };
  return (
    <dl className="facts">
      {props.fields.map((field) => (
        <div key={field}>
          <dt>{t(`referrals.person.${field as 'names'}` as const)}</dt>
          <dd>
            {(lines[field] ?? []).length === 0 ? (
              t('referrals.notRecorded')
            ) : (
              <ul className="plain-list">
                {(lines[field] ?? []).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
