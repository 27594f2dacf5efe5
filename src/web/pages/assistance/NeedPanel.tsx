// One need and the offers suggested for it, best first with why; its poster accepts or declines each, and
// marks the need delivered or withdraws it. Only the buttons the API says will work are shown.
import { useState } from 'react';
import {
  type NeedResponse,
  type NeedView,
  needPath,
  type SuggestionView,
  suggestionPath,
  useSuggestions,
} from '../../api/assistance.js';
import { FormAlert, SuccessNote, useSubmission } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useDayFormat, type Vocabulary } from '../activities/vocabulary.js';
import { languageNamer, reasonText } from './assistance-labels.js';

type Change = { path: string; done: MessageKey };

export function NeedPanel(props: { needId: string; vocabulary: Vocabulary; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const suggestions = useSuggestions(props.needId);
  const submission = useSubmission();
  const [done, setDone] = useState<MessageKey | null>(null);
  const change = (what: Change) => {
    setDone(null);
    void submission.run(async () => {
      await session.api.send<NeedResponse>('POST', what.path, {});
      setDone(what.done);
      suggestions.reload();
      props.onChanged();
    });
  };
  return (
    <section className="assistance-panel" aria-labelledby="assistance-selected">
      <ResourceView resource={suggestions}>
        {(body) => (
          <>
            <h2 id="assistance-selected">
              {t('assistance.selectedHeading', { title: body.data.need.title })}
            </h2>
            <p>
              <Link to="/assistance">{t('assistance.closeSelection')}</Link>
            </p>
            <FormAlert problem={submission.problem} heading={t('assistance.actionFailed')} />
            {done ? <SuccessNote>{t(done)}</SuccessNote> : null}
            <NeedFacts need={body.data.need} />
            <NeedButtons need={body.data.need} pending={submission.pending} onChange={change} />
            <Suggestions
              need={body.data.need}
              suggestions={body.data.suggestions}
              pending={submission.pending}
              onChange={change}
            />
          </>
        )}
      </ResourceView>
    </section>
  );
}

function NeedFacts(props: { need: NeedView }) {
  const { t } = useI18n();
  const day = useDayFormat();
  const { need } = props;
  return (
    <>
      {need.description ? <p className="assistance-description">{need.description}</p> : null}
      {need.matchedOffer ? (
        <p>
          {t('assistance.matchedWith', {
            offer: need.matchedOffer.title,
            organisation: need.matchedOffer.organisation.name,
          })}
        </p>
      ) : null}
      {need.deliveredAt ? <p>{t('assistance.deliveredOn', { date: day(need.deliveredAt) })}</p> : null}
    </>
  );
}

function NeedButtons(props: { need: NeedView; pending: boolean; onChange: (change: Change) => void }) {
  const { t } = useI18n();
  const { need } = props;
  if (!need.can.deliver && !need.can.withdraw) return null;
  return (
    <div className="button-row">
      {need.can.deliver ? (
        <button
          type="button"
          className="button"
          disabled={props.pending}
          onClick={() =>
            props.onChange({ path: needPath(need.id, '/delivery'), done: 'assistance.delivered' })
          }
        >
          {t('assistance.deliver')}
        </button>
      ) : null}
      {need.can.withdraw ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={props.pending}
          onClick={() =>
            props.onChange({ path: needPath(need.id, '/withdrawal'), done: 'assistance.needWithdrawn' })
          }
        >
          {t('assistance.withdrawNeed')}
        </button>
      ) : null}
    </div>
  );
}

function Suggestions(props: {
  need: NeedView;
  suggestions: SuggestionView[];
  pending: boolean;
  onChange: (change: Change) => void;
}) {
  const { t, info, formatNumber } = useI18n();
  const languageName = languageNamer(info.intlLocale);
  const { need } = props;
  if (need.status !== 'open') return <p>{t('assistance.notOpen')}</p>;
  if (props.suggestions.length === 0) return <p>{t('assistance.noSuggestions')}</p>;
  const decide = (offerId: string, decision: 'acceptance' | 'refusal') =>
    props.onChange({
      path: suggestionPath(need.id, offerId, decision),
      done: decision === 'acceptance' ? 'assistance.accepted' : 'assistance.declined',
    });
  return (
    <TableScroll>
      <table className="data-table assistance-table">
        <caption>{t('assistance.suggestionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assistance.column.offer')}</th>
            <th scope="col">{t('assistance.column.organisation')}</th>
            <th scope="col" className="numeric">
              {t('assistance.column.score')}
            </th>
            <th scope="col">{t('assistance.column.why')}</th>
            {need.can.decide ? <th scope="col">{t('assistance.column.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.suggestions.map(({ offer, score, reasons }) => (
            <tr key={offer.id}>
              <th scope="row">
                <bdi>{offer.title}</bdi>
              </th>
              <td>
                <bdi>{offer.organisation.name}</bdi>
              </td>
              <td className="numeric">{formatNumber(score)}</td>
              <td>
                <ul className="assistance-reasons">
                  {reasons.map((reason) => (
                    <li key={reason.criterion}>{reasonText(t, reason, languageName)}</li>
                  ))}
                </ul>
              </td>
              {need.can.decide ? (
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={props.pending}
                      onClick={() => decide(offer.id, 'acceptance')}
                    >
                      {t('assistance.accept')}
                      <span className="visually-hidden"> {offer.title}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={props.pending}
                      onClick={() => decide(offer.id, 'refusal')}
                    >
                      {t('assistance.decline')}
                      <span className="visually-hidden"> {offer.title}</span>
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
