// Opening a case for one's organisation with its first non-identifying facts; the one who opens it is
// assigned to it. Personal data is not asked here: it is recorded apart, in the person record.
import { useState } from 'react';
import { AGE_BANDS, GENDERS } from '../../../cases/schemas.js';
import { CASES, type CaseResponse } from '../../api/cases.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, onSubmit, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { fieldKey, genderKey } from './case-labels.js';
import { type CaseVocabulary, useCaseVocabulary } from './case-vocabulary.js';

export function NewCasePage() {
  const { t } = useI18n();
  const vocabulary = useCaseVocabulary();
  return (
    <article>
      <p className="back-link">
        <Link to="/cases">{t('cases.backLink')}</Link>
      </p>
      <PageHeading>{t('cases.newTitle')}</PageHeading>
      <p className="lede">{t('cases.newIntro')}</p>
      {vocabulary.status === 'loading' ? <Loading /> : null}
      {vocabulary.status === 'error' ? (
        <ProblemAlert problem={vocabulary.problem} onRetry={vocabulary.retry} />
      ) : null}
      {vocabulary.status === 'ready' ? <NewCaseForm vocabulary={vocabulary.vocabulary} /> : null}
    </article>
  );
}

function NewCaseForm(props: { vocabulary: CaseVocabulary }) {
  const { t } = useI18n();
  const { api, me } = useSession();
  const submission = useSubmission();
  const { vocabulary } = props;
  const organisations = (me?.memberships ?? []).filter(
    (membership) => membership.role === 'case_manager' || membership.role === 'case_worker',
  );
  const [organisationId, setOrganisationId] = useState(
    organisations.length === 1 ? (organisations[0]?.organisationId ?? '') : '',
  );
  const [sex, setSex] = useState('');
  const [gender, setGender] = useState('');
  const [ageBand, setAgeBand] = useState('');
  const [citizenship, setCitizenship] = useState('');
  const [forms, setForms] = useState<string[]>([]);
  const errors = submission.fieldErrors;

  const submit = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (!organisationId) issues.set('organisationId', [{ code: 'choose' }]);
    const facts = {
      ...(sex ? { sex } : {}),
      ...(gender ? { gender } : {}),
      ...(ageBand ? { ageBandAtIdentification: ageBand } : {}),
      ...(citizenship ? { citizenship } : {}),
      ...(forms.length ? { formsOfExploitation: forms } : {}),
    };
    return submission.runChecked(issues, async () => {
      const created = await api.send<CaseResponse>('POST', CASES, { organisationId, facts });
      navigate(`/cases/${created.data.id}`);
    });
  };

  const select =
    (
      value: string,
      onChange: (value: string) => void,
      options: { value: string; label: string }[],
      empty: string = t('cases.notRecorded'),
    ) =>
    (control: object) => (
      <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{empty}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );

  return (
    <form ref={submission.formRef} className="form" noValidate onSubmit={onSubmit(submit)}>
      <FormAlert problem={submission.problem} />
      <Field label={t('cases.owner')} serverErrors={errors.get('organisationId')}>
        {select(
          organisationId,
          setOrganisationId,
          organisations.map((membership) => ({
            value: membership.organisationId,
            label: membership.organisationName,
          })),
          t('form.choose'),
        )}
      </Field>
      <Field label={t(fieldKey('sex'))}>{select(sex, setSex, vocabulary.options('sex'))}</Field>
      <Field label={t(fieldKey('gender'))}>
        {select(
          gender,
          setGender,
          GENDERS.map((each) => ({ value: each, label: t(genderKey(each)) })),
        )}
      </Field>
      <Field label={t(fieldKey('ageBandAtIdentification'))}>
        {select(
          ageBand,
          setAgeBand,
          AGE_BANDS.map((band) => ({ value: band, label: t('cases.ageBandValue', { band }) })),
        )}
      </Field>
      <Field label={t(fieldKey('citizenship'))}>
        {select(citizenship, setCitizenship, vocabulary.countries)}
      </Field>
      <fieldset className="fieldset">
        <legend>{t(fieldKey('formsOfExploitation'))}</legend>
        {vocabulary.options('form_of_exploitation').map((option) => (
          <label key={option.value} className="check">
            <input
              type="checkbox"
              checked={forms.includes(option.value)}
              onChange={(event) =>
                setForms((previous) =>
                  event.target.checked
                    ? [...previous, option.value]
                    : previous.filter((each) => each !== option.value),
                )
              }
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {submission.pending ? t('form.sending') : t('cases.create')}
        </button>
      </div>
    </form>
  );
}
