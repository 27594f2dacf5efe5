// A provider's own staff say how many places a service has free now, and its capacity. The count alone goes
// to /places (the latest count wins, no version needed); a changed capacity is a change of the service
// itself, sent from the version read, so a change made meanwhile is refused rather than overwritten.
import { useState } from 'react';
import type { ServiceListResponse } from '../../api/services.js';
import { Dialog } from '../../components/Dialog.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';

type Service = ServiceListResponse['data'][number];

const servicePath = (id: string, rest = '') => `/api/v1/services/${encodeURIComponent(id)}${rest}`;

/** The button in a service's row, and the dialog it opens. */
export function UpdatePlaces(props: { service: Service; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const title = t('services.placesEdit.title', { name: props.service.name });
  return (
    <>
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        {t('services.placesEdit.open')}
        <span className="visually-hidden"> {props.service.name}</span>
      </button>
      <Dialog open={open} title={title} onClose={() => setOpen(false)}>
        <PlacesForm
          service={props.service}
          onCancel={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            props.onSaved(t('services.placesEdit.saved', { name: props.service.name }));
          }}
        />
      </Dialog>
    </>
  );
}

/** A count typed in the field: a whole number of 0 or more, or null when left empty. */
function countOf(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : 'invalid';
}

function PlacesForm(props: { service: Service; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const { service } = props;
  const [free, setFree] = useState(service.placesFree === null ? '' : String(service.placesFree));
  const [capacity, setCapacity] = useState(service.capacity === null ? '' : String(service.capacity));

  const submit = async () => {
    const placesFree = countOf(free);
    const newCapacity = countOf(capacity);
    const issues = new Map<string, FieldIssue[]>();
    if (placesFree === null) issues.set('placesFree', [{ code: 'required' }]);
    if (placesFree === 'invalid') issues.set('placesFree', [{ code: 'not_a_whole_number' }]);
    if (newCapacity === 'invalid') issues.set('capacity', [{ code: 'not_a_whole_number' }]);
    if (typeof placesFree === 'number' && typeof newCapacity === 'number' && placesFree > newCapacity)
      issues.set('placesFree', [{ code: 'too_big', origin: 'number', maximum: newCapacity }]);
    const ok = await submission.runChecked(issues, () =>
      newCapacity === service.capacity
        ? api.send('PUT', servicePath(service.id, '/places'), { placesFree })
        : api.send('PATCH', servicePath(service.id), {
            version: service.version,
            capacity: newCapacity,
            placesFree,
          }),
    );
    if (ok) props.onSaved();
  };
  const errors = submission.fieldErrors;
  return (
    <SubmissionForm submission={submission} onSubmit={submit}>
      <FormAlert problem={submission.problem} />
      <Field label={t('services.placesEdit.free')} serverErrors={errors.get('placesFree')}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            className="input-short"
            value={free}
            onChange={(event) => setFree(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('services.placesEdit.capacity')}
        hint={t('services.placesEdit.capacityHint')}
        serverErrors={errors.get('capacity')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            className="input-short"
            value={capacity}
            onChange={(event) => setCapacity(event.target.value)}
          />
        )}
      </Field>
      <SubmitRow pending={submission.pending} label={t('services.placesEdit.save')}>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('dialog.cancel')}
        </button>
      </SubmitRow>
    </SubmissionForm>
  );
}
