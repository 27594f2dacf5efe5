// The outcome of a screening as the server's rules give it, in the reader's language: every outcome the
// facts support, the elements found and missing, the indicators that weighed, and why. Nothing is stored
// unless the reader keeps it on the case the wizard was opened for.
import { useEffect, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import { asProblem } from '../../api/client.js';
import { FormAlert, SuccessNote } from '../../components/forms.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import {
  type Questionnaire,
  type ScreeningResult,
  screeningPaths,
  type WizardAnswers,
} from './screening-api.js';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem }
  | { status: 'ready'; result: ScreeningResult };

export function ScreeningOutcome(props: {
  answers: WizardAnswers;
  questionnaire: Questionnaire;
  caseId: string | null;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const { answers } = props;

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.send<{ data: ScreeningResult }>('POST', screeningPaths.screen(language), answers).then(
      (reply) => current && setState({ status: 'ready', result: reply.data }),
      (error: unknown) => current && setState({ status: 'error', problem: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, language, answers]);

  if (state.status === 'loading') return <Loading label="screening.screening" />;
  if (state.status === 'error') return <ProblemAlert problem={state.problem} />;
  const { result } = state;
  const elementLabel = new Map(props.questionnaire.elements.map((e) => [e.element, e.label] as const));
  return (
    <div className="screening-result" aria-live="polite">
      <section aria-labelledby="outcomes-heading">
        <h3 id="outcomes-heading">{t('screening.outcomes', { count: result.outcomes.length })}</h3>
        <ul className="outcome-list">
          {result.outcomes.map((outcome, i) => (
            <li key={outcome} className={`screening-outcome outcome-${outcome}`}>
              <strong>{t(`screening.outcome.${outcome}` as const)}</strong>
              {i === 0 && result.outcomes.length > 1 ? (
                <span className="badge">{t('screening.main')}</span>
              ) : null}
            </li>
          ))}
        </ul>
        {result.child ? <p className="status status-info">{t('screening.childResult')}</p> : null}
      </section>
      <div className="element-columns">
        <section aria-labelledby="found-heading">
          <h3 id="found-heading">{t('screening.found')}</h3>
          <WordList items={result.found} empty={t('screening.noneFound')} />
        </section>
        <section aria-labelledby="missing-heading">
          <h3 id="missing-heading">{t('screening.missing')}</h3>
          <WordList items={result.missing} empty={t('screening.noneMissing')} />
        </section>
      </div>
      <section aria-labelledby="weighed-heading">
        <h3 id="weighed-heading">{t('screening.weighed')}</h3>
        {result.indicators.length === 0 ? (
          <p>{t('screening.noIndicators')}</p>
        ) : (
          <ul className="weighed-list">
            {result.indicators.map((indicator) => (
              <li key={indicator.code}>
                {indicator.label}{' '}
                <span className="muted">
                  ({t(`screening.strength.${indicator.strength}` as const)},{' '}
                  {t('screening.indicatorElement', { element: elementLabel.get(indicator.element) ?? '' })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="why-heading">
        <h3 id="why-heading">{t('screening.why')}</h3>
        <WordList items={result.reasons} empty={t('screening.noneFound')} />
      </section>
      <p className="muted">{t('screening.rulesVersion', { version: result.rulesVersion })}</p>
      {props.caseId ? <KeepOnCase caseId={props.caseId} answers={answers} /> : null}
    </div>
  );
}

function WordList(props: { items: readonly string[]; empty: string }) {
  if (props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <ul>
      {props.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Keeps the screening on the case, with the rule version it was made with. */
function KeepOnCase(props: { caseId: string; answers: WizardAnswers }) {
  const { t, language } = useI18n();
  const session = useSession();
  const [state, setState] = useState<'idle' | 'pending' | 'kept'>('idle');
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!session.can('cases.write')) return null;
  const keep = () => {
    setState('pending');
    setProblem(null);
    session.api.send('POST', screeningPaths.keepOnCase(props.caseId, language), props.answers).then(
      () => setState('kept'),
      (error: unknown) => {
        setProblem(asProblem(error));
        setState('idle');
      },
    );
  };
  return (
    <section aria-labelledby="keep-heading" className="subsection">
      <h3 id="keep-heading">{t('screening.keepHeading')}</h3>
      {state === 'kept' ? (
        <SuccessNote>
          {t('screening.kept')}{' '}
          <Link to={`/cases/${encodeURIComponent(props.caseId)}`}>{t('screening.backToCase')}</Link>
        </SuccessNote>
      ) : (
        <>
          <p>{t('screening.keepIntro')}</p>
          <FormAlert problem={problem} />
          <button type="button" className="button" disabled={state === 'pending'} onClick={keep}>
            {state === 'pending' ? t('form.sending') : t('screening.keep')}
          </button>
        </>
      )}
    </section>
  );
}
