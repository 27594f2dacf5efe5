// Shows loading or the failure until the code lists and countries are here, then the page's content.
import type { ReactNode } from 'react';
import { Loading, ProblemAlert } from '../../components/Status.js';
import type { Vocabulary, VocabularyState } from './vocabulary.js';

export function VocabularyGate(props: { state: VocabularyState; children: (v: Vocabulary) => ReactNode }) {
  const { state } = props;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemAlert problem={state.problem} onRetry={state.retry} />;
  return <>{props.children(state.vocabulary)}</>;
}
