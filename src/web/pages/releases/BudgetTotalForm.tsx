// A coordinator's form to set a dataset's total privacy budget. A total below what is spent is refused in
// the page and, should the page be out of date, by the server (privacy_budget_below_spent), in one sentence.
import { type ReactNode, useState } from 'react';
import { type BudgetResponse, budgetPath, type DatasetBudget } from '../../api/releases.js';
import {
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import {
  checkTotal,
  leastTotal,
  parseTotal,
  rhoFormula,
  roundRho,
  type TotalCheck,
} from './budget-figures.js';

export function BudgetTotalForm(props: {
  budget: DatasetBudget;
  datasetName: string;
  onChanged: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const { budget } = props;
  const [text, setText] = useState(String(budget.totalRho));
  const [check, setCheck] = useState<TotalCheck>('ok');
  const [saved, setSaved] = useState<number | null>(null);
  const label = t('releases.budgets.totalLabel', { dataset: props.datasetName });

  const refusal = (kind: TotalCheck, spent: number): ReactNode => {
    if (kind === 'not_a_number') return t('releases.budgets.notNumber', { field: label });
    if (kind === 'too_big') return t('releases.budgets.tooBig', { field: label });
    if (kind === 'below_spent')
      return t('releases.budgets.belowSpent', {
        field: label,
        spent: rhoFormula(formatNumber(leastTotal(spent))),
      });
    return null;
  };
  // The server knows what is spent now, which may be more than this page last read.
  const serverRefusal =
    submission.problem?.code === 'privacy_budget_below_spent'
      ? refusal('below_spent', submission.problem.errors?.[0]?.minimum ?? budget.spentRho)
      : null;
  const errors = [refusal(check, budget.spentRho), serverRefusal].filter(Boolean);

  const submit = () => {
    const value = parseTotal(text);
    const verdict = checkTotal(value, budget.spentRho);
    setCheck(verdict);
    setSaved(null);
    if (verdict !== 'ok' || value === null) {
      submission.markInvalid();
      return;
    }
    void submission.run(async () => {
      const answer = await session.api.send<BudgetResponse>('PUT', budgetPath(budget.id), {
        totalRho: value,
      });
      setSaved(answer.data.totalRho);
      props.onChanged();
    });
  };

  return (
    <SubmissionForm submission={submission} onSubmit={submit} className="form budget-form">
      <FormAlert problem={serverRefusal ? null : submission.problem} />
      {saved !== null ? (
        <SuccessNote>
          {t('releases.budgets.saved', {
            dataset: props.datasetName,
            total: rhoFormula(formatNumber(roundRho(saved))),
          })}
        </SuccessNote>
      ) : null}
      <Field
        label={label}
        hint={t('releases.budgets.totalHint', { spent: formatNumber(leastTotal(budget.spentRho)) })}
        errors={errors}
        serverErrors={serverRefusal ? undefined : submission.fieldErrors.get('totalRho')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="decimal"
            dir="ltr"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <SubmitRow pending={submission.pending} label={t('releases.budgets.save')} />
    </SubmissionForm>
  );
}
