// The offers of technical assistance in a table, with a button to withdraw the offers the reader's
// organisation made (shown only where the API says it may).
import { useState } from 'react';
import { type OfferResponse, type OfferView, offerPath } from '../../api/assistance.js';
import { FormAlert, SuccessNote, useSubmission } from '../../components/forms.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { useDayFormat, type Vocabulary } from '../activities/vocabulary.js';
import { kindLabel, languageNamer, offerStatusLabel } from './assistance-labels.js';

export function OffersTable(props: { offers: OfferView[]; vocabulary: Vocabulary; onChanged: () => void }) {
  const { t, info } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const [withdrawn, setWithdrawn] = useState(false);
  const day = useDayFormat();
  const { vocabulary } = props;
  const languageName = languageNamer(info.intlLocale);
  if (props.offers.length === 0) return <p>{t('assistance.noOffers')}</p>;
  const withdraw = (offer: OfferView) => {
    setWithdrawn(false);
    void submission.run(async () => {
      await session.api.send<OfferResponse>('POST', offerPath(offer.id, '/withdrawal'));
      setWithdrawn(true);
      props.onChanged();
    });
  };
  const availability = (offer: OfferView) =>
    [
      offer.availableFrom ? t('assistance.availableFrom', { date: day(offer.availableFrom) }) : null,
      offer.availableUntil ? t('assistance.availableUntil', { date: day(offer.availableUntil) }) : null,
    ]
      .filter(Boolean)
      .join(' ') || t('assistance.availableAlways');
  return (
    <>
      <FormAlert problem={submission.problem} heading={t('assistance.actionFailed')} />
      {withdrawn ? <SuccessNote>{t('assistance.offerWithdrawn')}</SuccessNote> : null}
      <TableScroll>
        <table className="data-table assistance-table">
          <caption>{t('assistance.offersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assistance.column.offer')}</th>
              <th scope="col">{t('assistance.column.organisation')}</th>
              <th scope="col">{t('assistance.column.pillars')}</th>
              <th scope="col">{t('assistance.column.kinds')}</th>
              <th scope="col">{t('assistance.column.countries')}</th>
              <th scope="col">{t('assistance.column.languages')}</th>
              <th scope="col">{t('assistance.column.available')}</th>
              <th scope="col">{t('assistance.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.offers.map((offer) => (
              <tr key={offer.id}>
                <th scope="row">
                  <bdi>{offer.title}</bdi>
                </th>
                <td>
                  <bdi>{offer.organisation.name}</bdi>
                </td>
                <td>{offer.pillars.map((pillar) => vocabulary.label('pillar', pillar)).join(', ')}</td>
                <td>{offer.kinds.map((kind) => kindLabel(t, kind)).join(', ')}</td>
                <td>
                  {offer.countries.length > 0
                    ? offer.countries.map((iso3) => vocabulary.countryName(iso3)).join(', ')
                    : t('assistance.anyCountry')}
                </td>
                <td>{offer.languages.map(languageName).join(', ')}</td>
                <td>{availability(offer)}</td>
                <td>
                  <span className={offer.status === 'withdrawn' ? 'badge badge-muted' : 'badge'}>
                    {offerStatusLabel(t, offer.status)}
                  </span>
                  {offer.can.withdraw ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={submission.pending}
                      onClick={() => withdraw(offer)}
                    >
                      {t('assistance.withdrawOffer')}
                      <span className="visually-hidden"> {offer.title}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
