// Technical assistance: the needs countries post and the offers partners make, forms to post each, and for
// the need chosen (kept in the address, so that a link shares it) the offers suggested with why.
import { useNeeds, useOffers } from '../../api/assistance.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLocation } from '../../router.js';
import { VocabularyGate } from '../activities/VocabularyGate.js';
import { useVocabulary } from '../activities/vocabulary.js';
import { NeedForm } from './NeedForm.js';
import { NeedPanel } from './NeedPanel.js';
import { NeedsTable } from './NeedsTable.js';
import { OfferForm } from './OfferForm.js';
import { OffersTable } from './OffersTable.js';
import { useWritableOrganisations } from './writable-organisations.js';
import './assistance.css';

export function AssistancePage() {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const needs = useNeeds();
  const offers = useOffers();
  const organisations = useWritableOrganisations();
  const location = useLocation();
  const selected = new URLSearchParams(location.search).get('need');
  const reload = () => {
    needs.reload();
    offers.reload();
  };
  return (
    <article className="assistance-page">
      <PageHeading>{t('assistance.title')}</PageHeading>
      <p className="lede">{t('assistance.intro')}</p>
      <VocabularyGate state={vocabulary}>
        {(words) => (
          <>
            {organisations.length > 0 ? (
              <div className="assistance-forms">
                <NeedForm organisations={organisations} vocabulary={words} onPosted={reload} />
                <OfferForm organisations={organisations} vocabulary={words} onPosted={reload} />
              </div>
            ) : null}
            {selected ? <NeedPanel needId={selected} vocabulary={words} onChanged={reload} /> : null}
            <section aria-labelledby="assistance-needs">
              <h2 id="assistance-needs">{t('assistance.needsHeading')}</h2>
              <ResourceView resource={needs}>
                {(body) => <NeedsTable needs={body.data} vocabulary={words} selectedId={selected} />}
              </ResourceView>
            </section>
            <section aria-labelledby="assistance-offers">
              <h2 id="assistance-offers">{t('assistance.offersHeading')}</h2>
              <ResourceView resource={offers}>
                {(body) => <OffersTable offers={body.data} vocabulary={words} onChanged={reload} />}
              </ResourceView>
            </section>
          </>
        )}
      </VocabularyGate>
    </article>
  );
}
