// The profile of a partner organisation: name, acronym, kind of actor and headquarters country.
import { useMemo, useState } from 'react';
import type { Organisation } from '../../api/access.js';
import { useCodeList, useCountries } from '../../api/reference.js';
import { Field, FormAlert, onSubmit, type Submission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export type OrganisationInput = {
  name: string;
  acronym?: string;
  actorType: string;
  headquartersIso3?: string;
};

/** The choices of actor type and headquarters country, labelled in the reader's language. */
export function useOrganisationVocabulary() {
  const { language } = useI18n();
  const actorTypes = useCodeList('actor_type');
  const countries = useCountries();
  return useMemo(() => {
    const types =
      actorTypes.status === 'ready'
        ? [...actorTypes.data.data.codes]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((code) => ({ value: code.code, label: code.labels[language] }))
        : [];
    const collator = new Intl.Collator(language);
    const places =
      countries.status === 'ready'
        ? countries.data.data
            .map((country) => ({ value: country.iso3, label: country.names[language] }))
            .sort((a, b) => collator.compare(a.label, b.label))
        : [];
    return {
      actorTypes: types,
      countries: places,
      actorTypeLabel: (code: string) => types.find((type) => type.value === code)?.label ?? code,
      countryName: (iso3: string | null) =>
        iso3 ? (places.find((place) => place.value === iso3)?.label ?? iso3) : '',
    };
  }, [actorTypes, countries, language]);
}

export function OrganisationForm(props: {
  initial?: Organisation;
  submitLabel: string;
  submission: Submission;
  onSave: (input: OrganisationInput) => void;
}) {
  const { t } = useI18n();
  const vocabulary = useOrganisationVocabulary();
  const { submission } = props;
  const [name, setName] = useState(props.initial?.name ?? '');
  const [acronym, setAcronym] = useState(props.initial?.acronym ?? '');
  const [actorType, setActorType] = useState<string>(props.initial?.actorType ?? '');
  const [iso3, setIso3] = useState(props.initial?.headquartersIso3 ?? '');
  const [errors, setErrors] = useState<{ name?: string; actorType?: string }>({});

  const submit = () => {
    const found = {
      ...(name.trim() ? {} : { name: t('organisation.nameMissing') }),
      ...(actorType ? {} : { actorType: t('organisation.actorTypeMissing') }),
    };
    setErrors(found);
    if (found.name || found.actorType) {
      submission.markInvalid();
      return;
    }
    props.onSave({
      name: name.trim(),
      actorType,
      ...(acronym.trim() ? { acronym: acronym.trim() } : {}),
      ...(iso3 ? { headquartersIso3: iso3 } : {}),
    });
  };

  const server = submission.fieldErrors;
  return (
    <form className="form" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
      <FormAlert problem={submission.problem} />
      <Field
        label={t('organisation.name')}
        errors={errors.name ? [errors.name] : []}
        serverErrors={server.get('name')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={300}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('organisation.acronym')} hint={t('form.optional')} serverErrors={server.get('acronym')}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={30}
            className="input-short"
            value={acronym}
            onChange={(event) => setAcronym(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('organisation.actorType')}
        errors={errors.actorType ? [errors.actorType] : []}
        serverErrors={server.get('actorType')}
      >
        {(control) => (
          <select {...control} value={actorType} onChange={(event) => setActorType(event.target.value)}>
            <option value="">{t('form.choose')}</option>
            {vocabulary.actorTypes.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('organisation.headquarters')}
        hint={t('form.optional')}
        serverErrors={server.get('headquartersIso3')}
      >
        {(control) => (
          <select {...control} value={iso3} onChange={(event) => setIso3(event.target.value)}>
            <option value="">{t('organisation.noHeadquarters')}</option>
            {vocabulary.countries.map((country) => (
              <option key={country.value} value={country.value}>
                {country.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
