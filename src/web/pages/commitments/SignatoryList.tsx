// The signatories, each under its name with its commitments: the code or principle, when it was signed,
// where and in which sectors, what it undertakes, its status and the progress reported, latest first.
// A signatory's editors find the forms to change a commitment and report progress under it.
import type { CommitmentView } from '../../api/commitments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router.js';
import { useDayFormat } from '../plans/period.js';
import { ChangeCommitment, ReportProgress } from './CommitmentEditors.js';
import type { CommitmentLabels } from './commitment-labels.js';

type Signatory = { id: string; name: string; commitments: CommitmentView[] };

/** Commitments by signatory, in the order the server sent them (by name, latest signed first). */
function bySignatory(commitments: readonly CommitmentView[]): Signatory[] {
  const groups = new Map<string, Signatory>();
  for (const commitment of commitments) {
    const { id, name } = commitment.organisation;
    const group = groups.get(id) ?? { id, name, commitments: [] };
    group.commitments.push(commitment);
    groups.set(id, group);
  }
  return [...groups.values()];
}

export function SignatoryList(props: {
  commitments: readonly CommitmentView[];
  labels: CommitmentLabels;
  onChanged: () => void;
}) {
  return (
    <div className="signatories">
      {bySignatory(props.commitments).map((signatory) => (
        <section key={signatory.id} className="signatory" aria-labelledby={`signatory-${signatory.id}`}>
          <h2 id={`signatory-${signatory.id}`}>
            <Link to={`/partners/${signatory.id}`}>{signatory.name}</Link>
          </h2>
          {signatory.commitments.map((commitment) => (
            <CommitmentCard
              key={commitment.id}
              commitment={commitment}
              labels={props.labels}
              onChanged={props.onChanged}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function CommitmentCard(props: {
  commitment: CommitmentView;
  labels: CommitmentLabels;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const day = useDayFormat();
  const { commitment, labels } = props;
  const headingId = `commitment-${commitment.id}`;
  const countries =
    commitment.countries.length > 0 ? labels.countries(commitment.countries) : t('commitments.allCountries');
  return (
    <article className="commitment" aria-labelledby={headingId}>
      <h3 id={headingId}>{commitment.otherCodeName ?? labels.code(commitment.code)}</h3>
      <p className="commitment-badges">
        <span className={commitment.status === 'active' ? 'badge badge-ok' : 'badge badge-muted'}>
          {t(`commitments.status.${commitment.status}` as MessageKey)}
        </span>
        {commitment.isPublished ? null : (
          <span className="badge badge-warning">{t('commitments.draft')}</span>
        )}
      </p>
      <dl className="commitment-facts">
        <dt>{t('commitments.field.signedOn')}</dt>
        <dd>{day(commitment.signedOn)}</dd>
        <dt>{t('commitments.field.countries')}</dt>
        <dd>{countries}</dd>
        {commitment.sectors.length > 0 ? (
          <>
            <dt>{t('commitments.field.sectors')}</dt>
            <dd>{labels.sectors(commitment.sectors)}</dd>
          </>
        ) : null}
        <dt>{t('commitments.field.undertaking')}</dt>
        <dd className="commitment-undertaking">{commitment.undertaking}</dd>
      </dl>
      <h4>{t('commitments.progressHeading')}</h4>
      {commitment.progress.length === 0 ? (
        <p className="muted">{t('commitments.noProgress')}</p>
      ) : (
        <ol className="commitment-progress">
          {commitment.progress.map((report) => (
            <li key={report.id}>
              <time dateTime={report.reportedOn}>{day(report.reportedOn)}</time>
              {report.isPublic ? null : (
                <span className="badge badge-muted">{t('commitments.internalReport')}</span>
              )}
              <p>{report.summary}</p>
            </li>
          ))}
        </ol>
      )}
      {commitment.can.edit ? (
        <div className="commitment-editors">
          <ChangeCommitment commitment={commitment} onChanged={props.onChanged} />
          <ReportProgress commitment={commitment} onChanged={props.onChanged} />
        </div>
      ) : null}
    </article>
  );
}
