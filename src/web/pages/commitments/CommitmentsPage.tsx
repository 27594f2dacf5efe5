// Commitments of employers' associations and travel-sector signatories: filters by code, country and status
// (kept in the address, so that a list can be shared), the signatories each with their commitments and the
// progress they reported; a signatory's editors record commitments, change them and report progress here.
import { useId } from 'react';
import { COMMITMENT_STATUSES, type CommitmentQuery, useCommitments } from '../../api/commitments.js';
import { useOrganisationChoices } from '../../api/partners.js';
import type { Choice } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useQueryFilters } from '../../router.js';
import { useWritableOrganisations } from '../assistance/writable-organisations.js';
import { CommitmentForm } from './CommitmentForm.js';
import { useCommitmentLabels } from './commitment-labels.js';
import { SignatoryList } from './SignatoryList.js';
import './commitments.css';

const FILTERS = ['code', 'country', 'status', 'organisationId'] as const;
export function CommitmentsPage() {
  const { t } = useI18n();
  const labels = useCommitmentLabels();
  const [filters, change] = useQueryFilters(FILTERS);
  const query: CommitmentQuery = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  const commitments = useCommitments(query);
  const organisations = useWritableOrganisations('commitments.write');
  const signatories = useOrganisationChoices();
  const statusOptions = COMMITMENT_STATUSES.map((status) => ({
    value: status,
    label: t(`commitments.status.${status}` as MessageKey),
  }));
  return (
    <article className="commitments-page">
      <PageHeading>{t('commitments.title')}</PageHeading>
      <p className="lede">{t('commitments.intro')}</p>
      {organisations.length > 0 ? (
        <CommitmentForm organisations={organisations} labels={labels} onPosted={commitments.reload} />
      ) : null}
      <search className="filters" aria-label={t('commitments.filters')}>
        <FilterSelect
          label={t('commitments.field.code')}
          value={filters.code}
          options={labels.codeOptions}
          onChange={(code) => change({ code })}
        />
        <FilterSelect
          label={t('commitments.field.country')}
          value={filters.country}
          options={labels.countryOptions}
          onChange={(country) => change({ country })}
        />
        <FilterSelect
          label={t('commitments.field.status')}
          value={filters.status}
          options={statusOptions}
          onChange={(status) => change({ status })}
        />
        <FilterSelect
          label={t('commitments.field.signatory')}
          value={filters.organisationId}
          options={signatories}
          onChange={(organisationId) => change({ organisationId })}
        />
      </search>
      <ResourceView resource={commitments}>
        {(body) => (
          <>
            <p className="result-count" role="status">
              {t('commitments.resultCount', { count: body.data.length })}
            </p>
            {body.data.length === 0 ? (
              <p>{t('commitments.noMatch')}</p>
            ) : (
              <SignatoryList commitments={body.data} labels={labels} onChanged={commitments.reload} />
            )}
          </>
        )}
      </ResourceView>
    </article>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  options: readonly Choice[];
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{t('commitments.any')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
