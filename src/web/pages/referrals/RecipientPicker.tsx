// The receiving side of a new referral, found in the service directory: search by name, filter by kind of
// service and country served, then choose one service. The organisation that offers it receives the
// referral; the case's own organisation is never offered.
import { useDeferredValue, useId, useState } from 'react';
import { PAGE_SIZE, type ServiceListResponse, useServices } from '../../api/services.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { FieldErrorText } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useServiceLabels } from '../services/service-labels.js';

export type DirectoryService = ServiceListResponse['data'][number];

/** Who receives a referral for a service: the partner that provides it, else the organisation keeping it. */
export const recipientOf = (service: DirectoryService): string =>
  service.provider.partnerOrganisationId ?? service.organisationId;

export function RecipientPicker(props: {
  holderId: string | null;
  chosen: DirectoryService | null;
  onChoose: (service: DirectoryService) => void;
  errors: readonly FieldIssue[];
}) {
  const { t } = useI18n();
  const labels = useServiceLabels();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [country, setCountry] = useState('');
  const deferredQ = useDeferredValue(q.trim());
  const services = useServices({
    q: deferredQ || undefined,
    category: category || undefined,
    country: country || undefined,
  });
  const id = useId();
  const ids = { q: `${id}-q`, category: `${id}-category`, country: `${id}-country`, error: `${id}-error` };
  const legend = t('referrals.picker.legend');
  const hasError = props.errors.length > 0;
  const select = (
    controlId: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('referrals.picker.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset
      className={`fieldset recipient-picker${hasError ? ' has-error' : ''}`}
      data-label={legend}
      data-control={ids.q}
      aria-describedby={hasError ? ids.error : undefined}
    >
      <legend>{legend}</legend>
      <p className="field-hint">{t('referrals.picker.hint')}</p>
      {hasError ? (
        <p className="field-error" id={ids.error}>
          {props.errors.map((error) => (
            <span key={`${error.path}-${error.code}`}>
              <FieldErrorText error={error} label={legend} />{' '}
            </span>
          ))}
        </p>
      ) : null}
      {props.chosen ? (
        <p className="recipient-chosen">
          {t('referrals.picker.chosen', {
            service: props.chosen.name,
            organisation: props.chosen.provider.name,
          })}
        </p>
      ) : null}
      <div className="recipient-filters">
        <div className="field">
          <label htmlFor={ids.q}>{t('referrals.picker.search')}</label>
          <input
            id={ids.q}
            type="search"
            autoComplete="off"
            value={q}
            aria-invalid={hasError ? true : undefined}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        {select(ids.category, t('referrals.picker.kind'), category, setCategory, labels.categoryOptions)}
        {select(ids.country, t('referrals.picker.country'), country, setCountry, labels.countryOptions)}
      </div>
      <ResourceView resource={services}>
        {(page) => (
          <ServiceChoices
            services={page.data.filter((service) => recipientOf(service) !== props.holderId)}
            total={page.total}
            chosenId={props.chosen?.id ?? null}
            onChoose={props.onChoose}
            labels={labels}
          />
        )}
      </ResourceView>
    </fieldset>
  );
}

function ServiceChoices(props: {
  services: DirectoryService[];
  total: number;
  chosenId: string | null;
  onChoose: (service: DirectoryService) => void;
  labels: ReturnType<typeof useServiceLabels>;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <>
      <p role="status">{t('referrals.picker.count', { count: props.services.length })}</p>
      {props.services.length > 0 ? (
        <fieldset className="fieldset recipient-choices">
          <legend>{t('referrals.picker.results')}</legend>
          {props.services.map((service) => (
            <label key={service.id} className="check recipient-choice">
              <input
                type="radio"
                name={name}
                checked={service.id === props.chosenId}
                onChange={() => props.onChoose(service)}
              />
              <span>
                {t('referrals.picker.option', { service: service.name, organisation: service.provider.name })}
                <span className="cell-note">
                  {[
                    props.labels.category(service.category),
                    ...service.countries.map(props.labels.country),
                    ...service.areas,
                  ].join(' · ')}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {props.total > PAGE_SIZE ? <p className="muted">{t('referrals.picker.narrow')}</p> : null}
    </>
  );
}
