// The cases one works on, by code and status, never by name: filtered by status and to one's own cases,
// a page at a time. The filters live in the address, so a view can be shared.
import { useId } from 'react';
import { CASE_STATUSES } from '../../../cases/schemas.js';
import { CASE_PAGE_SIZE, type CaseListResponse, useCaseList } from '../../api/cases.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, replaceQueryParams, useLocation } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { statusKey } from './case-labels.js';

export function CasesPage() {
  const { t } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const status = CASE_STATUSES.find((each) => each === params.get('status')) ?? '';
  const isMine = params.get('mine') === '1';
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const cases = useCaseList({ status, assigned: isMine ? 'me' : undefined, offset });
  const ids = { status: useId(), mine: useId() };
  return (
    <article>
      <PageHeading>{t('cases.title')}</PageHeading>
      <p className="lede">{t('cases.intro')}</p>
      {session.canWithSecondFactor('cases.write') ? (
        <p>
          <Link to="/cases/new" className="button">
            {t('cases.new')}
          </Link>
        </p>
      ) : null}
      <search className="filters" aria-label={t('cases.filters')}>
        <div className="field">
          <label htmlFor={ids.status}>{t('cases.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(event) => replaceQueryParams({ status: event.target.value || null, offset: null })}
          >
            <option value="">{t('cases.anyStatus')}</option>
            {CASE_STATUSES.map((each) => (
              <option key={each} value={each}>
                {t(statusKey(each))}
              </option>
            ))}
          </select>
        </div>
        <div className="field check">
          <input
            id={ids.mine}
            type="checkbox"
            checked={isMine}
            onChange={(event) =>
              replaceQueryParams({ mine: event.target.checked ? '1' : null, offset: null })
            }
          />
          <label htmlFor={ids.mine}>{t('cases.assignedToMe')}</label>
        </div>
      </search>
      <ResourceView resource={cases}>{(data) => <CaseTable list={data} offset={offset} />}</ResourceView>
    </article>
  );
}

function CaseTable(props: { list: CaseListResponse; offset: number }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { data, nextOffset } = props.list;
  const first = props.offset + 1;
  if (data.length === 0)
    return (
      <p className="result-count" role="status">
        {t('cases.none')}
      </p>
    );
  return (
    <>
      <p className="result-count" role="status">
        {t('cases.shown', {
          first: formatNumber(first),
          last: formatNumber(props.offset + data.length),
        })}
      </p>
      <TableScroll>
        <table>
          <caption>{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.colCode')}</th>
              <th scope="col">{t('cases.colStatus')}</th>
              <th scope="col">{t('cases.colOrganisation')}</th>
              <th scope="col">{t('cases.colUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((each) => (
              <tr key={each.id}>
                <th scope="row">
                  <Link to={`/cases/${each.id}`} dir="ltr" className="case-code">
                    {each.code}
                  </Link>
                </th>
                <td>{t(statusKey(each.status))}</td>
                <td>{each.organisationName}</td>
                <td>
                  <time dateTime={each.updatedAt}>{formatDateTime(each.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav className="button-row pager" aria-label={t('cases.pages')}>
        {props.offset > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              replaceQueryParams({ offset: String(Math.max(0, props.offset - CASE_PAGE_SIZE)) || null })
            }
          >
            {t('cases.previous')}
          </button>
        ) : null}
        {nextOffset !== null ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => replaceQueryParams({ offset: String(nextOffset) })}
          >
            {t('cases.next')}
          </button>
        ) : null}
      </nav>
    </>
  );
}
