// People targeted or reached by sex × age: every cell shown, "not reported" kept apart from zero.
import type { PeopleCounts } from '../../../activities/schemas.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Vocabulary } from './vocabulary.js';

function sum(values: (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

export function PeopleTable(props: { caption: string; counts: PeopleCounts; vocabulary: Vocabulary }) {
  const { t, formatNumber } = useI18n();
  const { vocabulary, counts } = props;
  const sexes = vocabulary.options('sex');
  const ages = vocabulary.options('age_group');
  const show = (value: number | null | undefined) =>
    typeof value === 'number' ? (
      formatNumber(value)
    ) : (
      <span className="muted">{t('people.notReported')}</span>
    );
  return (
    <div className="table-scroll">
      <table className="data-table people-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.sexAge')}</th>
            {ages.map((age) => (
              <th scope="col" className="numeric" key={age.value}>
                {age.label}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('people.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sexes.map((sex) => (
            <tr key={sex.value}>
              <th scope="row">{sex.label}</th>
              {ages.map((age) => (
                <td className="numeric" key={age.value}>
                  {show(counts[`${sex.value}_${age.value}`])}
                </td>
              ))}
              <td className="numeric">{show(sum(ages.map((age) => counts[`${sex.value}_${age.value}`])))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('people.total')}</th>
            {ages.map((age) => (
              <td className="numeric" key={age.value}>
                {show(sum(sexes.map((sex) => counts[`${sex.value}_${age.value}`])))}
              </td>
            ))}
            <td className="numeric">{show(sum(Object.values(counts)))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
