// "Is this agency licensed?": anyone, signed in or not, checks an agency by its name, licence number or
// country before paying or signing anything. The question lives in the address (?name=&licence=&country=),
// so that an answer can be shared; the answer and every sentence come from the server in the reader's
// language.
import { useState } from 'react';
import { type LookupParams, type LookupView, lookupPath, useLookup } from '../../api/intermediaries.js';
import { ChoiceSelect, Field, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, replaceQueryParams, useLocation } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCountryNames } from '../plans/countries.js';
import { AgencySummary } from './AgencySummary.js';
import './intermediaries.css';

function paramsOf(search: string): LookupParams {
  const query = new URLSearchParams(search);
  return {
    name: query.get('name') ?? '',
    licence: query.get('licence') ?? '',
    country: query.get('country') ?? '',
  };
}

export function LookupPage() {
  const { t, language } = useI18n();
  const location = useLocation();
  const asked = paramsOf(location.search);
  const path = lookupPath(asked, language);
  return (
    <article className="intermediaries-page">
      <PageHeading>{t('intermediaries.title')}</PageHeading>
      <p className="lede">{t('intermediaries.intro')}</p>
      <KeeperLinks />
      <LookupForm asked={asked} />
      {path ? <LookupAnswer path={path} /> : null}
    </article>
  );
}

function KeeperLinks() {
  const { t } = useI18n();
  const session = useSession();
  if (!session.can('intermediaries.import')) return null;
  return (
    <p className="keeper-links">
      <Link to="/intermediaries/import">{t('intermediaries.importLink')}</Link>
    </p>
  );
}

function LookupForm(props: { asked: LookupParams }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const submission = useSubmission();
  const [draft, setDraft] = useState<LookupParams>(props.asked);
  const set = (field: keyof LookupParams) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const send = () => {
    const empty = !draft.name.trim() && !draft.licence.trim() && !draft.country;
    const issues = new Map(
      empty ? [['name', [{ path: 'name', code: 'custom', message: t('intermediaries.needQuery') }]]] : [],
    );
    void submission.runChecked(issues, async () =>
      replaceQueryParams({
        name: draft.name.trim() || null,
        licence: draft.licence.trim() || null,
        country: draft.country || null,
      }),
    );
  };
  return (
    <SubmissionForm submission={submission} onSubmit={send} className="form lookup-form">
      <Field
        label={t('intermediaries.name')}
        hint={t('intermediaries.nameHint')}
        errors={submission.fieldErrors.get('name')?.map((issue) => issue.message)}
      >
        {(control) => (
          <input
            {...control}
            type="search"
            value={draft.name}
            onChange={(e) => set('name')(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('intermediaries.licence')} hint={t('intermediaries.licenceHint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            dir="ltr"
            autoComplete="off"
            value={draft.licence}
            onChange={(e) => set('licence')(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('intermediaries.country')}>
        {(control) => (
          <ChoiceSelect
            control={control}
            value={draft.country}
            onChange={set('country')}
            choices={countries.choices}
            empty={t('intermediaries.anyCountry')}
          />
        )}
      </Field>
      <SubmitRow pending={false} label={t('intermediaries.search')} />
    </SubmissionForm>
  );
}

function LookupAnswer(props: { path: string }) {
  const lookup = useLookup(props.path);
  return <ResourceView resource={lookup}>{(body) => <Answer view={body.data} />}</ResourceView>;
}

const ANSWER_TONE: Record<LookupView['answer']['status'], string> = {
  licensed: 'answer-good',
  lapsed: 'answer-bad',
  suspended: 'answer-bad',
  revoked: 'answer-bad',
  not_found: 'answer-bad',
  unknown: 'answer-unsure',
};

function Answer(props: { view: LookupView }) {
  const { t } = useI18n();
  const { answer, matches, total } = props.view;
  return (
    <>
      <section
        className={`lookup-answer ${ANSWER_TONE[answer.status]}`}
        aria-labelledby="answer-heading"
        role="status"
      >
        <h2 id="answer-heading">{t('intermediaries.answerHeading')}</h2>
        <p className="answer-sentence">{answer.sentence}</p>
        {answer.note ? <p>{answer.note.sentence}</p> : null}
      </section>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('intermediaries.resultsHeading', { count: String(total) })}</h2>
        {matches.length === 0 ? (
          <p>{t('intermediaries.noResults')}</p>
        ) : (
          <ul className="agency-list">
            {matches.map((match) => (
              <li key={match.agency.id}>
                <AgencySummary agency={match.agency} why={match.why.sentence} />
              </li>
            ))}
          </ul>
        )}
        <p className="small-print">{props.view.smallCountRule}</p>
      </section>
    </>
  );
}
