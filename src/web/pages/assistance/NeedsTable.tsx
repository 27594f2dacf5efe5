// The needs for technical assistance in a table: what, where, which pillar and kind, who asks, by when and
// where it stands; each links to the offers suggested for it.
import type { NeedView } from '../../api/assistance.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useDayFormat, type Vocabulary } from '../activities/vocabulary.js';
import { kindLabel, needStatusLabel } from './assistance-labels.js';

export function NeedsTable(props: { needs: NeedView[]; vocabulary: Vocabulary; selectedId: string | null }) {
  const { t } = useI18n();
  const day = useDayFormat();
  const { vocabulary } = props;
  if (props.needs.length === 0) return <p>{t('assistance.noNeeds')}</p>;
  return (
    <TableScroll>
      <table className="data-table assistance-table">
        <caption>{t('assistance.needsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assistance.column.need')}</th>
            <th scope="col">{t('assistance.column.country')}</th>
            <th scope="col">{t('assistance.column.pillar')}</th>
            <th scope="col">{t('assistance.column.kind')}</th>
            <th scope="col">{t('assistance.column.organisation')}</th>
            <th scope="col">{t('assistance.column.wantedBy')}</th>
            <th scope="col">{t('assistance.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.needs.map((need) => (
            <tr key={need.id} aria-current={need.id === props.selectedId ? 'true' : undefined}>
              <th scope="row">
                <bdi>{need.title}</bdi>
                <br />
                <Link to={`/assistance?need=${encodeURIComponent(need.id)}`} className="assistance-show">
                  {t('assistance.showSuggestions')}
                  <span className="visually-hidden"> {need.title}</span>
                </Link>
              </th>
              <td>{vocabulary.countryName(need.country)}</td>
              <td>{vocabulary.label('pillar', need.pillar)}</td>
              <td>{kindLabel(t, need.kind)}</td>
              <td>
                <bdi>{need.organisation.name}</bdi>
              </td>
              <td>{need.wantedBy ? day(need.wantedBy) : t('assistance.noDate')}</td>
              <td>
                <span className={need.status === 'withdrawn' ? 'badge badge-muted' : 'badge'}>
                  {needStatusLabel(t, need.status)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
