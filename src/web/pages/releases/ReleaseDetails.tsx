// One release as people read it: what it is, its parameters, what it guarantees (in sentences made from
// the checked figures), how close it stays to the source, its downloads; and publish, withdraw or discard.
import { useState } from 'react';
import type { ReleaseResponse, ReleaseView } from '../../api/releases.js';
import { releasePath } from '../../api/releases.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import { FormAlert, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { EvaluationFigures } from './EvaluationFigures.js';
import { mayPrepareFromFile } from './prepare-rights.js';
import { Heading, type Level } from './ReleaseHeading.js';
import { columnPhrase, parameterPhrases } from './release-facts.js';
import { methodPhrase } from './release-labels.js';

export function ReleaseDetails(props: { release: ReleaseView; level: Level }) {
  const { t, info, formatNumber, formatDateTime } = useI18n();
  const { release, level } = props;
  // Lists in the reader's language: "a، b و c" in Arabic, "a、b、c" in Chinese.
  const list = new Intl.ListFormat(info.intlLocale, { type: 'unit' });
  return (
    <div className="release-details">
      <dl className="release-facts">
        <dt>{t('releases.detail.status')}</dt>
        <dd>{t(`releases.status.${release.status}`)}</dd>
        <dt>{t('releases.column.method')}</dt>
        <dd>{methodPhrase(t, release.method, release.parameters, formatNumber)}</dd>
        <dt>{t('releases.detail.source')}</dt>
        <dd>
          {release.source.kind === 'cases'
            ? t('releases.detail.fromCases', {
                organisation: release.organisation?.name ?? release.source.label,
              })
            : t('releases.detail.fromFile', { file: release.source.label })}
        </dd>
        <dt>{t('releases.detail.rows')}</dt>
        <dd>
          {t('releases.detail.rowsValue', {
            input: formatNumber(release.inputRows),
            output: formatNumber(release.outputRows),
          })}
        </dd>
        <dt>{t('releases.detail.parameters')}</dt>
        <dd>{parameterPhrases(t, release.parameters, formatNumber).join(' · ')}</dd>
        <dt>{t('releases.detail.columns')}</dt>
        <dd>{list.format(release.columns.map((column) => columnPhrase(t, column)))}</dd>
        {release.seed ? (
          <>
            <dt>{t('releases.detail.seed')}</dt>
            <dd>
              <bdi dir="ltr">{release.seed}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('releases.detail.created')}</dt>
        <dd>{formatDateTime(release.createdAt)}</dd>
        {release.publishedAt ? (
          <>
            <dt>{t('releases.detail.published')}</dt>
            <dd>{formatDateTime(release.publishedAt)}</dd>
          </>
        ) : null}
        <dt>{t('releases.detail.software')}</dt>
        <dd>
          <bdi dir="ltr">{release.softwareVersion}</bdi>
        </dd>
        <dt>{t('releases.detail.checksum')}</dt>
        <dd>
          <code dir="ltr" className="checksum">
            {release.outputChecksum}
          </code>
        </dd>
      </dl>
      <PrivacyStatements release={release} level={level} />
      <EvaluationFigures release={release} level={level} />
      <Heading level={level}>{t('releases.detail.downloads')}</Heading>
      <ul className="release-download-list">
        <li>
          <a href={releasePath(release.id, '/data.csv')} download>
            {t('releases.downloadCsv')}
          </a>
        </li>
        <li>
          <a href={releasePath(release.id, '/report.html')} target="_blank" rel="noopener">
            {t('releases.evaluation.fullReport')} {t('releases.newTab')}
          </a>
        </li>
      </ul>
    </div>
  );
}

function PrivacyStatements(props: { release: ReleaseView; level: Level }) {
  const { t, formatNumber } = useI18n();
  const session = useSession();
  const { privacy } = props.release;
  const lines: string[] = [];
  if (privacy.k !== null) lines.push(t('releases.privacy.k', { k: formatNumber(privacy.k) }));
  if (privacy.epsilon !== null)
    lines.push(
      privacy.delta !== null && privacy.delta > 0
        ? t('releases.privacy.epsilonDelta', {
            epsilon: formatNumber(privacy.epsilon),
            delta: privacy.delta.toExponential(1),
          })
        : t('releases.privacy.epsilon', { epsilon: formatNumber(privacy.epsilon) }),
    );
  if (privacy.suppressedCells !== null)
    lines.push(t('releases.privacy.suppressed', { count: privacy.suppressedCells }));
  const budget = props.release.budget;
  if (budget)
    lines.push(
      t('releases.privacy.budget', {
        spent: formatNumber(Math.round(budget.spentRho * 1000) / 1000),
        total: formatNumber(budget.totalRho),
      }),
    );
  if (lines.length === 0) lines.push(t('releases.privacy.none'));
  return (
    <section aria-labelledby="release-privacy">
      <Heading level={props.level} id="release-privacy">
        {t('releases.privacy.heading')}
      </Heading>
      <ul className="privacy-statements">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {budget && mayPrepareFromFile(session) ? (
        <p>
          <Link to="/releases/budgets">{t('releases.budgetsLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}

type Change = 'publish' | 'withdraw' | 'discard';

/** The actions the server says the reader may take now; each asks for confirmation first. */
export function ReleaseActions(props: {
  release: ReleaseView;
  level: Level;
  onChanged: (release: ReleaseView | null) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const [asking, setAsking] = useState<Change | null>(null);
  const { release } = props;
  const changes: Change[] = (['publish', 'withdraw', 'discard'] as const).filter(
    (change) => release.can[change],
  );
  if (changes.length === 0) return null;

  const confirm = async (change: Change) => {
    const done = await submission.run(async () => {
      if (change === 'discard') {
        await api.send('DELETE', `${releasePath(release.id)}?version=${release.version}`);
        props.onChanged(null);
        return;
      }
      const path = releasePath(release.id, change === 'publish' ? '/publication' : '/withdrawal');
      const answer = await api.send<ReleaseResponse>('POST', path, { version: release.version });
      props.onChanged(answer.data);
    });
    if (!done) setAsking(null);
  };

  return (
    <section aria-labelledby="release-actions" className="release-actions">
      <Heading level={props.level} id="release-actions">
        {t('releases.actions.heading')}
      </Heading>
      <FormAlert problem={submission.problem} />
      <div className="button-row">
        {changes.map((change) => (
          <button
            key={change}
            type="button"
            className={change === 'publish' ? 'button' : 'button button-secondary'}
            onClick={() => setAsking(change)}
          >
            {t(`releases.actions.${change}`)}
          </button>
        ))}
      </div>
      {asking ? (
        <ConfirmDialog
          open
          title={t(`releases.confirm.${asking}Title`, { title: release.title })}
          confirmLabel={t(`releases.actions.${asking}`)}
          pending={submission.pending}
          onConfirm={() => confirm(asking)}
          onClose={() => setAsking(null)}
        >
          <p>{t(`releases.confirm.${asking}Text`)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
