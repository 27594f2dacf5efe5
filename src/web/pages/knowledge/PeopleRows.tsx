// Counts of victims or defendants in a decision, one row per sex, age group and nationality: numbers of
// people, never names. Rows are added and removed; focus follows so that keyboard users keep their place.
import { useI18n } from '../../i18n/I18nProvider.js';
import { type ErrorsAt, GroupErrors, SelectField, TextField } from '../plans/editor-fields.js';
import { newPersonRow, type PersonRow } from './item-draft.js';
import type { KnowledgeVocabulary } from './knowledge-vocabulary.js';

export function PeopleRows(props: {
  group: 'victims' | 'defendants';
  legend: string;
  rows: PersonRow[];
  onChange: (rows: PersonRow[]) => void;
  vocabulary: KnowledgeVocabulary;
  errorsAt: ErrorsAt;
}) {
  const { t } = useI18n();
  const { rows, vocabulary: v } = props;
  const at = `body.caseLaw.${props.group}`;
  const change = (index: number, patch: Partial<PersonRow>) =>
    props.onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const groupId = `${props.group}-rows`;
  return (
    <fieldset id={groupId} tabIndex={-1} className="fieldset people-rows" data-label={props.legend}>
      <legend>{props.legend}</legend>
      <p className="field-hint">{t('knowledge.editor.peopleHint')}</p>
      <GroupErrors id={`${groupId}-error`} label={props.legend} errors={props.errorsAt(at)} />
      {rows.map((row, index) => {
        const rowLabel = t('knowledge.editor.peopleRow', { group: props.legend, number: index + 1 });
        return (
          <fieldset key={row.key} className="field-row person-row">
            <legend className="visually-hidden">{rowLabel}</legend>
            <SelectField
              label={t('knowledge.case.sex')}
              value={row.sex}
              onChange={(sex) => change(index, { sex })}
              choices={v.options('sex')}
              empty={t('form.choose')}
              errors={props.errorsAt(`${at}.${index}.sex`)}
            />
            <SelectField
              label={t('knowledge.case.ageGroup')}
              value={row.ageGroup}
              onChange={(ageGroup) => change(index, { ageGroup })}
              choices={v.options('age_group')}
              empty={t('form.choose')}
              errors={props.errorsAt(`${at}.${index}.ageGroup`)}
            />
            <SelectField
              label={t('knowledge.case.nationality')}
              value={row.nationality}
              onChange={(nationality) => change(index, { nationality })}
              choices={v.countries}
              empty={t('knowledge.case.unknown')}
              errors={props.errorsAt(`${at}.${index}.nationality`)}
            />
            <TextField
              label={t('knowledge.case.count')}
              type="number"
              value={row.count}
              onChange={(count) => change(index, { count })}
              errors={props.errorsAt(`${at}.${index}.count`)}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                props.onChange(rows.filter((_, i) => i !== index));
                document.getElementById(groupId)?.focus();
              }}
            >
              {t('knowledge.editor.removeRow')}
              <span className="visually-hidden"> {rowLabel}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => props.onChange([...rows, newPersonRow()])}
      >
        {t('knowledge.editor.addRow', { group: props.legend })}
      </button>
    </fieldset>
  );
}
