// One code list: its codes with their label in the current language and what each belongs to.
import type { Code, CodeList } from '../../../reference/schemas.js';
import { useCodeList } from '../../api/reference.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';

export function CodeListPage(props: { name: string }) {
  const { language } = useI18n();
  const resource = useCodeList(props.name);
  const list = resource.status === 'ready' ? resource.data.data : null;
  return (
    <article className="reference">
      <BackLink />
      {/* Until the list arrives its code name stands in, so the page always has its heading. */}
      <PageHeading>{list ? list.labels[language] : props.name}</PageHeading>
      <ResourceView resource={resource}>{({ data }) => <CodeListBody list={data} />}</ResourceView>
    </article>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back-link">
      <Link to="/reference">{t('reference.backLink')}</Link>
    </p>
  );
}

/** The list most codes point to as parent (an activity type's pillar, say), if any. */
function mainParentList(codes: readonly Code[]): string | null {
  const counts = new Map<string, number>();
  for (const code of codes)
    if (code.parentList) counts.set(code.parentList, (counts.get(code.parentList) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function CodeListBody(props: { list: CodeList }) {
  const { t, language } = useI18n();
  const { list } = props;
  const parentListName = mainParentList(list.codes);
  const parent = useCodeList(parentListName === list.name ? null : parentListName);
  // Parents inside the same list (a hierarchy) need no second request.
  const parentCodes =
    parentListName === list.name ? list.codes : parent.status === 'ready' ? parent.data.data.codes : [];
  const parentLabels = new Map(parentCodes.map((code) => [code.code, code.labels[language]]));
  const hasParents = parentListName !== null;
  const codes = [...list.codes].sort((a, b) => a.sortOrder - b.sortOrder);

  return (
    <>
      {list.description ? <p className="lede">{list.description[language]}</p> : null}
      <p>
        <code className="code-name">{list.name}</code> · {t('codeList.count', { count: codes.length })}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('codeList.caption', { list: list.labels[language], version: list.version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('codeList.colCode')}</th>
              <th scope="col">{t('codeList.colLabel')}</th>
              {hasParents ? <th scope="col">{t('codeList.colParent')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => (
              <tr key={code.code} className={code.isDeprecated ? 'is-deprecated' : undefined}>
                <th scope="row">
                  <code>{code.code}</code>
                </th>
                <td>
                  {code.labels[language]}
                  {code.isDeprecated ? (
                    <span className="badge badge-muted">{t('codeList.deprecated')}</span>
                  ) : null}
                </td>
                {hasParents ? (
                  <td>
                    {code.parentCode ? (
                      <>
                        {parentLabels.get(code.parentCode) ?? ''}{' '}
                        <code className="code-name">{code.parentCode}</code>
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
