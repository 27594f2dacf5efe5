// A secret the server shows only once (an API token, an initial password): the value, a copy button
// and a warning to store it now and hand it over securely.
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export function SecretOnce(props: { label: string; value: string; warning: ReactNode; onDone?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure address, a policy): select the text so that Ctrl+C copies it.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setCopied('no');
    }
  };

  return (
    <div className="secret-once">
      <p className="secret-warning">
        <strong>{t('secret.warningLead')}</strong> {props.warning}
      </p>
      <div className="field">
        <label htmlFor={id}>{props.label}</label>
        <div className="secret-row">
          <input
            id={id}
            className="secret-value"
            readOnly
            value={props.value}
            dir="ltr"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={copy}>
            {t('secret.copy')}
          </button>
        </div>
      </div>
      <p role="status" className="secret-copied">
        {copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copyManually') : ''}
      </p>
      {props.onDone ? (
        <button type="button" className="button button-secondary" onClick={props.onDone}>
          {t('secret.done')}
        </button>
      ) : null}
    </div>
  );
}
