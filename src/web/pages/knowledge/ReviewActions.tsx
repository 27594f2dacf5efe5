// What the reader may do next with an item, as the API says (`can`): change the draft, mark it reviewed,
// publish it, take it back to draft, or write a version in another language. Nothing else is offered.
import { useRef, useState } from 'react';
import {
  type ItemResponse,
  type ItemView,
  itemPath,
  MOVE_PATHS,
  type MoveName,
} from '../../api/knowledge.js';
import { FormAlert, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { statusKey } from './knowledge-vocabulary.js';

const MOVES: { name: MoveName; label: MessageKey }[] = [
  { name: 'review', label: 'knowledge.move.review' },
  { name: 'publish', label: 'knowledge.move.publish' },
  { name: 'returnToDraft', label: 'knowledge.move.returnToDraft' },
];

export function ReviewActions(props: { item: ItemView; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const region = useRef<HTMLElement>(null);
  const { item } = props;
  const moves = MOVES.filter((move) => item.can[move.name]);
  if (moves.length === 0 && !item.can.edit && !item.can.translate && !done) return null;
  const move = (name: MoveName) =>
    submission
      .run(async () => {
        const answer = await session.api.send<ItemResponse>(
          'POST',
          itemPath(item.id, `/${MOVE_PATHS[name]}`),
          {
            version: item.version,
          },
        );
        setDone(t('knowledge.move.done', { status: t(statusKey(answer.data.status)) }));
      })
      .then((ok) => {
        if (!ok) return;
        props.onChanged();
        // The pressed button may be gone now: focus stays in this region, on its heading.
        region.current?.querySelector<HTMLElement>('h2')?.focus();
      });
  return (
    <section ref={region} aria-labelledby="item-actions" className="item-actions">
      <h2 id="item-actions" tabIndex={-1}>
        {t('knowledge.item.actions')}
      </h2>
      <p>{t('knowledge.item.statusNow', { status: t(statusKey(item.status)) })}</p>
      {done ? <SuccessNote>{done}</SuccessNote> : null}
      <FormAlert problem={submission.problem} />
      <div className="button-row">
        {item.can.edit ? (
          <Link to={`/knowledge/${item.id}/edit?in=${item.language}`} className="button">
            {t('knowledge.edit')}
          </Link>
        ) : null}
        {moves.map((one) => (
          <button
            key={one.name}
            type="button"
            className={one.name === 'returnToDraft' ? 'button button-secondary' : 'button'}
            disabled={submission.pending}
            onClick={() => move(one.name)}
          >
            {t(one.label)}
          </button>
        ))}
        {item.can.translate ? (
          <Link to={`/knowledge/new?translationOf=${item.id}`} className="button button-secondary">
            {t('knowledge.translate')}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
