// The particulars of a law (instrument, articles) and of a court's decision: court, date, charges, outcome, the
// Palermo elements found (acts, means, purposes), and how many victims and defendants, by sex and age group.
import type { ItemView } from '../../api/knowledge.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { actKey, type KnowledgeVocabulary, meansKey, outcomeKey } from './knowledge-vocabulary.js';
import { InLanguage, useTextLanguage } from './text-language.js';

type CaseLaw = NonNullable<ItemView['caseLaw']>;
type Legislation = NonNullable<ItemView['legislation']>;
type PersonCount = CaseLaw['victims'][number];

function FactRows(props: { rows: { label: string; value: React.ReactNode }[] }) {
  return (
    <dl className="facts item-facts">
      {props.rows
        .filter((row) => row.value !== null)
        .map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function LegislationFacts(props: {
  item: ItemView;
  details: Legislation;
  vocabulary: KnowledgeVocabulary;
}) {
  const { t } = useI18n();
  const { details, item } = props;
  return (
    <section aria-labelledby="item-law" className="item-decision">
      <h2 id="item-law">{t('knowledge.law.heading')}</h2>
      <FactRows
        rows={[
          { label: t('knowledge.law.country'), value: props.vocabulary.countryName(details.country) },
          {
            label: t('knowledge.law.instrument'),
            value: <InLanguage language={item.language}>{details.instrument}</InLanguage>,
          },
          {
            label: t('knowledge.law.articles'),
            value: details.articles.length ? (
              <InLanguage language={item.language}>
                {details.articles.join(t('knowledge.listSeparator'))}
              </InLanguage>
            ) : null,
          },
        ]}
      />
    </section>
  );
}

export function CaseLawFacts(props: { item: ItemView; details: CaseLaw; vocabulary: KnowledgeVocabulary }) {
  const { t, formatDate } = useI18n();
  const { details, item, vocabulary: v } = props;
  const inItsLanguage = useTextLanguage()(item.language);
  const listed = (codes: readonly string[], name: (code: string) => string) =>
    codes.length ? v.listOf(codes.map(name)) : null;
  return (
    <section aria-labelledby="item-decision" className="item-decision">
      <h2 id="item-decision">{t('knowledge.case.heading')}</h2>
      <FactRows
        rows={[
          {
            label: t('knowledge.case.court'),
            value: <InLanguage language={item.language}>{details.court}</InLanguage>,
          },
          { label: t('knowledge.case.decisionDate'), value: formatDate(`${details.decisionDate}T12:00:00Z`) },
          { label: t('knowledge.case.jurisdiction'), value: v.countryName(details.jurisdiction) },
          {
            label: t('knowledge.case.charges'),
            value: details.charges.length ? (
              <ul className="plain-list">
                {details.charges.map((charge) => (
                  <li key={charge}>
                    <span {...inItsLanguage}>{charge}</span>
                  </li>
                ))}
              </ul>
            ) : null,
          },
          { label: t('knowledge.case.outcome'), value: t(outcomeKey(details.outcome)) },
          { label: t('knowledge.case.acts'), value: listed(details.acts, (code) => t(actKey(code))) },
          { label: t('knowledge.case.means'), value: listed(details.means, (code) => t(meansKey(code))) },
          {
            label: t('knowledge.case.purposes'),
            value: listed(details.purposes, (code) => v.label('form_of_exploitation', code)),
          },
          {
            label: t('knowledge.case.sectors'),
            value: listed(details.sectors, (code) => v.label('forced_labour_sector', code)),
          },
        ]}
      />
      <PeopleTable caption={t('knowledge.case.victims')} people={details.victims} vocabulary={v} />
      <PeopleTable caption={t('knowledge.case.defendants')} people={details.defendants} vocabulary={v} />
    </section>
  );
}

/** Counts of people by sex, age group and nationality, with their total: never anyone's name. */
function PeopleTable(props: {
  caption: string;
  people: readonly PersonCount[];
  vocabulary: KnowledgeVocabulary;
}) {
  const { t, formatNumber } = useI18n();
  const { vocabulary: v } = props;
  if (props.people.length === 0) return null;
  const total = props.people.reduce((sum, row) => sum + row.count, 0);
  return (
    <TableScroll>
      <table className="data-table people-counts">
        <caption>
          {t('knowledge.case.peopleCaption', { group: props.caption, total: formatNumber(total) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.case.sex')}</th>
            <th scope="col">{t('knowledge.case.ageGroup')}</th>
            <th scope="col">{t('knowledge.case.nationality')}</th>
            <th scope="col" className="numeric">
              {t('knowledge.case.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((row) => (
            <tr key={`${row.sex}-${row.ageGroup}-${row.nationality ?? ''}`}>
              <td>{v.label('sex', row.sex)}</td>
              <td>{v.label('age_group', row.ageGroup)}</td>
              <td>{row.nationality ? v.countryName(row.nationality) : t('knowledge.case.unknown')}</td>
              <td className="numeric">{formatNumber(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
