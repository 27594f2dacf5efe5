// One case, by its code: tabs for the overview, the person (opened on purpose), screening, consent,
// services and follow-up, referrals and history. The selected tab lives in the address; personal data
// never does, nor in the page title.
import { useCase } from '../../api/cases.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { Tabs } from '../../components/Tabs.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, replaceQueryParams, useLocation } from '../../router.js';
import { CASE_TABS } from './case-tabs.js';

export function CasePage(props: { id: string }) {
  const { t } = useI18n();
  const theCase = useCase(props.id);
  const { search } = useLocation();
  const wanted = new URLSearchParams(search).get('tab');
  const selected = CASE_TABS.find((tab) => tab.id === wanted) ?? CASE_TABS[0];
  return (
    <article className="case">
      <p className="back-link">
        <Link to="/cases">{t('cases.backLink')}</Link>
      </p>
      <PageHeading>
        {theCase.status === 'ready'
          ? t('cases.caseTitle', { code: theCase.data.data.code })
          : t('cases.caseHeading')}
      </PageHeading>
      <ResourceView resource={theCase}>
        {({ data }) => (
          <>
            <Tabs
              label={t('cases.tabsLabel')}
              tabs={CASE_TABS.map((tab) => ({ id: tab.id, label: t(tab.label) }))}
              selected={selected?.id ?? ''}
              onSelect={(id) => replaceQueryParams({ tab: id === CASE_TABS[0]?.id ? null : id })}
            >
              {selected ? <selected.Panel theCase={data} reloadCase={theCase.reload} /> : null}
            </Tabs>
          </>
        )}
      </ResourceView>
    </article>
  );
}
