// The mapping step of a plan's import: the plan's facts as guessed from the file, then each objective with a
// choice of pillar and each measure with a choice of owner (suggested where the file names a registered
// organisation), and the coordinator; the plan is created whole, or the refusal says where.
import { useState } from 'react';
import { PLAN_PILLARS, PLAN_SCOPES } from '../../../plans/schemas.js';
import { useOrganisations } from '../../api/partners.js';
import { PLAN_IMPORTS } from '../../api/plans.js';
import { FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCountryNames } from './countries.js';
import { type ErrorsAt, PickList, SelectField, TextField } from './editor-fields.js';
import { checkMappingDraft, type MappingDraft, mappingDraftOf, mappingOf } from './plan-import-draft.js';
import { FindingsTable, type ReadFile, StepHeading } from './plan-import-parts.js';

type Choices = { value: string; label: string }[];

export function PlanImportMapping(props: { read: ReadFile; onAnother: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const organisations = useOrganisations();
  const { preview } = props.read;
  const canCoordinate = (id: string) => session.can('plans.write', { organisationId: id });
  const [draft, setDraft] = useState<MappingDraft>(() => mappingDraftOf(preview, canCoordinate));
  if (organisations.status === 'loading') return <Loading />;
  if (organisations.status === 'error')
    return <ProblemAlert problem={organisations.problem} onRetry={organisations.retry} />;
  const all = organisations.data.data.map((organisation) => ({
    value: organisation.id,
    label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
  }));
  // Body checks come back under `body.mapping…`, the import's own under `mapping…`: both show at the field.
  const errorsAt: ErrorsAt = (path) => [...submission.errorsAt(path), ...submission.errorsAt(`body.${path}`)];
  const update = (change: Partial<MappingDraft>) => setDraft({ ...draft, ...change });
  const create = () =>
    submission.runChecked(checkMappingDraft(draft), async () => {
      const body = { ...props.read.file, mapping: mappingOf(draft) };
      const answer = await session.api.send<{ data: { id: string } }>('POST', PLAN_IMPORTS, body);
      navigate(`/plans/${answer.data.id}`);
    });
  const counts = {
    file: preview.fileName,
    objectives: preview.objectives.length,
    measures: preview.objectives.reduce((sum, objective) => sum + objective.measures.length, 0),
  };
  return (
    <SubmissionForm submission={submission} onSubmit={create} className="form plan-form">
      <StepHeading>{t('planImport.mapTitle')}</StepHeading>
      <p className="lede">{t('planImport.found', counts)}</p>
      <p className="note">{t('planImport.mapIntro')}</p>
      <FormAlert problem={submission.problem} />
      <PlanFacts
        draft={draft}
        update={update}
        errorsAt={errorsAt}
        coordinators={all.filter((choice) => canCoordinate(choice.value))}
      />
      <ObjectivesMapping draft={draft} update={update} errorsAt={errorsAt} preview={preview} owners={all} />
      {preview.notes.length > 0 ? (
        <details>
          <summary>{t('planImport.notesSummary', { count: preview.notes.length })}</summary>
          <FindingsTable caption={t('planImport.notesCaption')} findings={preview.notes} />
        </details>
      ) : null}
      <SubmitRow pending={submission.pending} label={t('planImport.create')}>
        <button type="button" className="button button-secondary" onClick={props.onAnother}>
          {t('planImport.another')}
        </button>
      </SubmitRow>
    </SubmissionForm>
  );
}

function PlanFacts(props: {
  draft: MappingDraft;
  update: (change: Partial<MappingDraft>) => void;
  errorsAt: ErrorsAt;
  coordinators: Choices;
}) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const { draft, update, errorsAt } = props;
  return (
    <section aria-labelledby="import-plan-facts" className="editor-section">
      <h3 id="import-plan-facts">{t('plans.editor.planHeading')}</h3>
      <TextField
        label={t('plans.field.title')}
        value={draft.title}
        onChange={(title) => update({ title })}
        errors={errorsAt('mapping.title')}
      />
      <SelectField
        label={t('plans.column.scope')}
        value={draft.scope}
        onChange={(scope) => update({ scope: scope as MappingDraft['scope'] })}
        choices={PLAN_SCOPES.map((scope) => ({ value: scope, label: t(`plans.scope.${scope}`) }))}
        errors={errorsAt('mapping.scope')}
      />
      <PickList
        legend={t('plans.column.countries')}
        addLabel={t('plans.editor.addCountry')}
        values={draft.countries}
        onChange={(chosen) => update({ countries: chosen })}
        choices={countries.choices}
        errors={errorsAt('mapping.countries')}
      />
      <div className="field-row">
        <TextField
          type="date"
          label={t('plans.field.start')}
          value={draft.start}
          onChange={(start) => update({ start })}
          errors={errorsAt('mapping.period.start')}
        />
        <TextField
          type="date"
          label={t('plans.field.end')}
          value={draft.end}
          onChange={(end) => update({ end })}
          errors={errorsAt('mapping.period.end')}
        />
      </div>
      <SelectField
        label={t('plans.column.coordinator')}
        hint={t('plans.editor.coordinatorHint')}
        value={draft.coordinator}
        onChange={(coordinator) => update({ coordinator })}
        choices={props.coordinators}
        empty={t('form.choose')}
        errors={errorsAt('mapping.coordinatorOrganisationId')}
      />
    </section>
  );
}

function ObjectivesMapping(props: {
  draft: MappingDraft;
  update: (change: Partial<MappingDraft>) => void;
  errorsAt: ErrorsAt;
  preview: ReadFile['preview'];
  owners: Choices;
}) {
  const { t } = useI18n();
  const { draft, update, errorsAt } = props;
  const pillars = PLAN_PILLARS.map((pillar) => ({ value: pillar, label: t(`plans.pillar.${pillar}`) }));
  const setPillar = (o: number, pillar: string) =>
    update({ pillars: draft.pillars.map((value, i) => (i === o ? pillar : value)) });
  const setOwner = (o: number, m: number, owner: string) =>
    update({
      owners: draft.owners.map((row, i) =>
        i === o ? row.map((value, j) => (j === m ? owner : value)) : row,
      ),
    });
  return (
    <section aria-labelledby="import-objectives" className="editor-section">
      <h3 id="import-objectives">{t('planImport.objectivesHeading')}</h3>
      {props.preview.objectives.map((objective, o) => (
        <fieldset key={`${objective.source}-${objective.title}`} className="fieldset objective-mapping">
          <legend>{t('planImport.objective', { title: objective.title })}</legend>
          <p className="field-hint">{t('planImport.source', { place: objective.source })}</p>
          <SelectField
            label={t('planImport.pillar', { title: objective.title })}
            value={draft.pillars[o] ?? ''}
            onChange={(pillar) => setPillar(o, pillar)}
            choices={pillars}
            empty={t('form.choose')}
            errors={errorsAt(`mapping.objectives.${o}.pillar`)}
          />
          {objective.measures.map((measure, m) => (
            <SelectField
              key={`${measure.source}-${measure.title}`}
              label={t('planImport.owner', { title: measure.title })}
              hint={[
                measure.owner.named
                  ? t('planImport.ownerNamed', {
                      name: measure.owner.named.name ?? measure.owner.named.ref ?? '',
                    })
                  : '',
                t('planImport.indicators', {
                  count: measure.indicators.length,
                  targets: measure.indicators.reduce((sum, i) => sum + i.targets.length, 0),
                  actuals: measure.indicators.reduce((sum, i) => sum + i.actuals.length, 0),
                }),
              ]
                .filter(Boolean)
                .join(' ')}
              value={draft.owners[o]?.[m] ?? ''}
              onChange={(owner) => setOwner(o, m, owner)}
              choices={props.owners}
              empty={t('form.choose')}
              errors={errorsAt(`mapping.objectives.${o}.measures.${m}.ownerOrganisationId`)}
            />
          ))}
        </fieldset>
      ))}
    </section>
  );
}
