// The current password asked again before a security change (a new API token, a new second factor).
import type { FieldIssue } from '../../components/field-messages.js';
import { Field } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function CurrentPasswordField(props: {
  value: string;
  onChange: (value: string) => void;
  isMissing: boolean;
  serverErrors: readonly FieldIssue[] | undefined;
}) {
  const { t } = useI18n();
  return (
    <Field
      label={t('password.current')}
      errors={props.isMissing ? [t('password.currentMissing')] : []}
      serverErrors={props.serverErrors}
    >
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete="current-password"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
