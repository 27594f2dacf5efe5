// One release: its parameters, what it guarantees, its evaluation, its downloads, and what the reader
// may do with it (publish, withdraw, discard).

import { useState } from 'react';
import { useRelease } from '../../api/releases.js';
import { SuccessNote } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate } from '../../router.js';
import { ReleaseActions, ReleaseDetails } from './ReleaseDetails.js';
import './releases.css';

export function ReleasePage(props: { id: string }) {
  const { t } = useI18n();
  const release = useRelease(props.id);
  const [note, setNote] = useState<string | null>(null);
  return (
    <article className="release-page">
      <p className="back-link">
        <Link to="/releases">{t('releases.backLink')}</Link>
      </p>
      <ResourceView resource={release}>
        {(body) => (
          <>
            <PageHeading>{body.data.title}</PageHeading>
            {note ? <SuccessNote>{note}</SuccessNote> : null}
            <ReleaseDetails release={body.data} level={2} />
            <ReleaseActions
              release={body.data}
              level={2}
              onChanged={(view) => {
                if (!view) return navigate('/releases');
                setNote(t(`releases.changed.${view.status}`));
                release.reload();
              }}
            />
          </>
        )}
      </ResourceView>
    </article>
  );
}
