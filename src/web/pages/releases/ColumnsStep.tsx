// Step 2 of the release wizard: a role for each column (quasi-identifier, sensitive, other, or left out)
// and a generalisation where one fits, helped by each column's distinct count and commonest values; then
// the disclosure-risk check of what was chosen.
import { useId, useState } from 'react';
import type {
  ColumnChoice,
  InspectedColumn,
  Inspection,
  ReleaseSource,
  RiskReport,
  RiskResponse,
} from '../../api/releases.js';
import { RELEASES } from '../../api/releases.js';
import { ChoiceSelect, Field, FormAlert, useSubmission } from '../../components/forms.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';
import { RiskReportView } from './RiskReportView.js';
import { findGeneralisation, generalisationsFor } from './release-labels.js';

export type PlannedRole = ColumnChoice['role'] | 'omit';
export type ColumnPlan = { name: string; role: PlannedRole; generalise: string };

const ROLES: readonly PlannedRole[] = ['quasi_identifier', 'sensitive', 'other', 'omit'];
const ROLE_LABELS: Record<PlannedRole, MessageKey> = {
  quasi_identifier: 'releases.role.quasiIdentifier',
  sensitive: 'releases.role.sensitive',
  other: 'releases.role.other',
  omit: 'releases.role.omit',
};

/** Group sizes offered for the risk check; 11 is CTDC's (each person shares their combination with ten others). */
const RISK_K_CHOICES = [5, 10, 11, 20, 50] as const;

/** Every column kept, as "other", until the person says which could single someone out. */
export function initialPlans(columns: readonly InspectedColumn[]): ColumnPlan[] {
  return columns.map((column) => ({ name: column.name, role: 'other', generalise: '' }));
}

/** The columns to send: those not left out, with their generalisation when one is chosen. */
export function columnChoices(plans: readonly ColumnPlan[]): ColumnChoice[] {
  return plans.flatMap((plan) => {
    if (plan.role === 'omit') return [];
    const generalisation = findGeneralisation(plan.generalise);
    return [
      {
        name: plan.name,
        role: plan.role,
        ...(generalisation
          ? { generalise: { hierarchy: generalisation.hierarchy, level: generalisation.level } }
          : {}),
      },
    ];
  });
}

export function ColumnsStep(props: {
  source: ReleaseSource;
  inspection: Inspection;
  plans: ColumnPlan[];
  onPlans: (plans: ColumnPlan[]) => void;
  risk: RiskReport | null;
  onRisk: (report: RiskReport) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const [riskK, setRiskK] = useState('11');
  const hasQuasiIdentifier = props.plans.some((plan) => plan.role === 'quasi_identifier');
  const hasColumn = props.plans.some((plan) => plan.role !== 'omit');
  const update = (name: string, change: Partial<ColumnPlan>) =>
    props.onPlans(props.plans.map((plan) => (plan.name === name ? { ...plan, ...change } : plan)));

  const checkRisk = () =>
    submission.run(async () => {
      const body = { source: props.source, columns: columnChoices(props.plans), k: Number(riskK), l: 2 };
      const answer = await api.send<RiskResponse>('POST', `${RELEASES}/risk`, body);
      props.onRisk(answer.data);
    });

  return (
    <div>
      <p>{t('releases.columns.intro', { rows: formatNumber(props.inspection.rows) })}</p>
      <p className="field-hint">{t('releases.columns.rolesHint')}</p>
      <TableScroll>
        <table className="data-table release-columns">
          <caption>{t('releases.columns.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('releases.columns.name')}</th>
              <th scope="col" className="numeric">
                {t('releases.columns.distinct')}
              </th>
              <th scope="col">{t('releases.columns.top')}</th>
              <th scope="col">{t('releases.columns.role')}</th>
              <th scope="col">{t('releases.columns.generalise')}</th>
            </tr>
          </thead>
          <tbody>
            {props.inspection.columns.map((column) => {
              const plan = props.plans.find((each) => each.name === column.name);
              if (!plan) return null;
              return (
                <ColumnRow
                  key={column.name}
                  column={column}
                  plan={plan}
                  onChange={(c) => update(column.name, c)}
                />
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <FormAlert problem={submission.problem} />
      {!hasQuasiIdentifier ? <p className="field-hint">{t('releases.columns.needQuasi')}</p> : null}
      <Field className="risk-k" label={t('releases.columns.riskK')} hint={t('releases.columns.riskKHint')}>
        {(control) => (
          <ChoiceSelect
            control={control}
            value={riskK}
            onChange={setRiskK}
            choices={RISK_K_CHOICES.map((k) => ({ value: String(k), label: formatNumber(k) }))}
          />
        )}
      </Field>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={submission.pending || !hasQuasiIdentifier}
          onClick={checkRisk}
        >
          {submission.pending ? t('releases.columns.checking') : t('releases.columns.checkRisk')}
        </button>
      </div>
      {props.risk ? <RiskReportView report={props.risk} /> : null}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={props.onBack}>
          {t('releases.back')}
        </button>
        <button type="button" className="button" disabled={!hasColumn} onClick={props.onNext}>
          {t('releases.next')}
        </button>
      </div>
    </div>
  );
}

function ColumnRow(props: {
  column: InspectedColumn;
  plan: ColumnPlan;
  onChange: (change: Partial<ColumnPlan>) => void;
}) {
  const { t, formatNumber } = useI18n();
  const { column, plan } = props;
  const generalisations = generalisationsFor(column);
  // Missing values are said once, in the note below, not as one of the commonest values.
  const top = column.top
    .filter((entry) => entry.value !== '')
    .slice(0, 3)
    .map((entry) =>
      t('releases.columns.topValue', {
        value: entry.value,
        count: formatNumber(entry.count),
      }),
    )
    .join(', ');
  const id = useId();
  const roleId = `${id}-role`;
  return (
    <tr>
      <th scope="row">{column.name}</th>
      <td className="numeric">{formatNumber(column.distinct)}</td>
      <td>
        {top}
        {column.missing > 0 ? (
          <span className="cell-note">{t('releases.columns.missing', { count: column.missing })}</span>
        ) : null}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={roleId}>
          {t('releases.columns.roleOf', { column: column.name })}
        </label>
        <select
          id={roleId}
          value={plan.role}
          onChange={(event) => props.onChange({ role: event.target.value as PlannedRole })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ROLE_LABELS[role])}
            </option>
          ))}
        </select>
      </td>
      <td>
        {generalisations.length > 0 && plan.role !== 'omit' ? (
          <>
            <label className="visually-hidden" htmlFor={`${id}-generalise`}>
              {t('releases.columns.generaliseOf', { column: column.name })}
            </label>
            <select
              id={`${id}-generalise`}
              value={plan.generalise}
              onChange={(event) => props.onChange({ generalise: event.target.value })}
            >
              <option value="">{t('releases.generalise.none')}</option>
              {generalisations.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {t(choice.label)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="cell-note">{t('releases.generalise.notApplicable')}</span>
        )}
      </td>
    </tr>
  );
}
