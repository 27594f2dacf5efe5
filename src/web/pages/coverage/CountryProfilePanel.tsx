// A country's coordination profile: pillar balance, share under mechanisms, partners by type, findings.
import { forwardRef } from 'react';
import type { CountryProfile } from '../../api/coverage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import type { Vocabulary } from '../activities/vocabulary.js';

export const CountryProfilePanel = forwardRef<
  HTMLElement,
  { profile: CountryProfile; vocabulary: Vocabulary; onClose: () => void }
>(function CountryProfilePanel(props, ref) {
  const { t, formatNumber } = useI18n();
  const { profile: p, vocabulary: v } = props;
  const percent = (share: number) => `${formatNumber(Math.round(share * 100))} %`;
  return (
    <section className="profile-panel" ref={ref} tabIndex={-1} aria-labelledby="country-profile-heading">
      <h2 id="country-profile-heading">{t('profile4w.heading', { country: v.countryName(p.iso3) })}</h2>
      <dl className="facts">
        <dt>{t('profile4w.activities')}</dt>
        <dd>{formatNumber(p.activities)}</dd>
        <dt>{t('profile4w.organisations')}</dt>
        <dd>{formatNumber(p.organisations)}</dd>
        <dt>{t('profile4w.underMechanism')}</dt>
        <dd>{p.underMechanismShare === null ? t('details.none') : percent(p.underMechanismShare)}</dd>
        <dt>{t('profile4w.findings')}</dt>
        <dd>
          {t('profile4w.findingCounts', { gaps: formatNumber(p.gaps), overlaps: formatNumber(p.overlaps) })}
        </dd>
      </dl>
      <table className="data-table">
        <caption>{t('profile4w.pillarBalance')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.pillar')}</th>
            <th scope="col" className="numeric">
              {t('profile4w.activities')}
            </th>
            <th scope="col">{t('profile4w.share')}</th>
          </tr>
        </thead>
        <tbody>
          {p.pillarBalance.map((row) => (
            <tr key={row.pillar}>
              <th scope="row">{v.label('pillar', row.pillar)}</th>
              <td className="numeric">{formatNumber(row.activities)}</td>
              <td>
                <span
                  className="bar"
                  style={{ inlineSize: `${Math.round(row.share * 120)}px` }}
                  aria-hidden="true"
                />{' '}
                {percent(row.share)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table">
        <caption>{t('profile4w.partnersByType')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partners.actorType')}</th>
            <th scope="col" className="numeric">
              {t('profile4w.organisations')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.partnersByActorType.map((row) => (
            <tr key={row.actorType}>
              <th scope="row">{v.label('actor_type', row.actorType)}</th>
              <td className="numeric">{formatNumber(row.organisations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('partners.mechanisms')}</h3>
      {p.mechanisms.length ? (
        <ul>
          {p.mechanisms.map((m) => (
            <li key={m.id}>
              {m.name} ({t('profile4w.members', { count: m.members })})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('partners.noMechanisms')}</p>
      )}
      <p className="button-row">
        <Link to={`/activities?country=${p.iso3}`}>{t('profile4w.seeActivities')}</Link>
        <button type="button" className="button button-secondary button-small" onClick={props.onClose}>
          {t('profile4w.close')}
        </button>
      </p>
    </section>
  );
});
