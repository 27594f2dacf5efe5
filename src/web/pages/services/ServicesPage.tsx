// The service directory: search by name, filter by kind, country, eligibility, language and places free (the
// choices live in the URL, so a search can be shared), a table of the services, and a map of those with a
// public location. A shelter's address never reaches this page unless the reader is case staff. The staff of
// the organisation that keeps a service update its places free and capacity from its row.
import { useDeferredValue, useEffect, useId, useState } from 'react';
import { ELIGIBILITIES } from '../../../services/schemas.js';
import { PAGE_SIZE, type ServiceListResponse, useServices } from '../../api/services.js';
import { SuccessNote } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useQueryFilters } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useWorldGeometry } from '../home/useWorldGeometry.js';
import { UpdatePlaces } from './PlacesForm.js';
import { useServiceLabels as useLabels } from './service-labels.js';
import './services.css';

type Service = ServiceListResponse['data'][number];
const FILTERS = ['q', 'category', 'country', 'eligibility', 'language', 'hasPlacesFree', 'offset'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const useFilters = () => useQueryFilters(FILTERS, ['offset']);

export function ServicesPage() {
  const { t } = useI18n();
  return (
    <article className="services-page">
      <PageHeading>{t('services.title')}</PageHeading>
      <p className="lede">{t('services.intro')}</p>
      <Directory />
    </article>
  );
}

function Directory() {
  const { t } = useI18n();
  const [filters, change] = useFilters();
  const labels = useLabels();
  const [q, setQ] = useState(filters.q);
  const deferredQ = useDeferredValue(q.trim());
  useEffect(() => {
    if (deferredQ !== filters.q) change({ q: deferredQ });
  });
  const services = useServices({ ...filters, q: filters.q });
  const [saved, setSaved] = useState<string | null>(null);
  const onPlacesSaved = (message: string) => {
    setSaved(message);
    services.reload();
  };
  const ids = {
    q: useId(),
    category: useId(),
    country: useId(),
    eligibility: useId(),
    language: useId(),
    free: useId(),
  };
  const select = (
    id: string,
    name: keyof Filters,
    label: MessageKey,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} value={filters[name]} onChange={(e) => change({ [name]: e.target.value })}>
        <option value="">{t('services.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const eligibilityOptions = ELIGIBILITIES.map((code) => ({
    value: code,
    label: t(`services.eligibility.${code}` as MessageKey),
  }));
  return (
    <>
      <search className="filters" aria-label={t('services.filters')}>
        <div className="field">
          <label htmlFor={ids.q}>{t('services.search')}</label>
          <input
            id={ids.q}
            type="search"
            value={q}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {select(ids.category, 'category', 'services.category', labels.categoryOptions)}
        {select(ids.country, 'country', 'services.country', labels.countryOptions)}
        {select(ids.eligibility, 'eligibility', 'services.eligibility', eligibilityOptions)}
        {select(ids.language, 'language', 'services.language', labels.languageOptions)}
        <div className="field field-check">
          <input
            id={ids.free}
            type="checkbox"
            checked={filters.hasPlacesFree === 'true'}
            onChange={(e) => change({ hasPlacesFree: e.target.checked ? 'true' : '' })}
          />
          <label htmlFor={ids.free}>{t('services.placesFree')}</label>
        </div>
      </search>
      {saved ? <SuccessNote>{saved}</SuccessNote> : null}
      <ResourceView resource={services}>
        {(page) => (
          <>
            <p className="result-count" role="status">
              {t('services.resultCount', { count: page.total })}
            </p>
            {page.data.length === 0 ? (
              <p>{t('services.noMatch')}</p>
            ) : (
              <>
                <ServiceTable services={page.data} labels={labels} onPlacesSaved={onPlacesSaved} />
                <Pager
                  total={page.total}
                  offset={Number(filters.offset) || 0}
                  onOffset={(o) => change({ offset: o ? String(o) : '' })}
                />
                <ServiceMap services={page.data} />
              </>
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}

function ServiceTable(props: {
  services: Service[];
  labels: ReturnType<typeof useLabels>;
  onPlacesSaved: (message: string) => void;
}) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const session = useSession();
  const mayUpdate = (s: Service) => session.can('services.write', { organisationId: s.organisationId });
  const { labels } = props;
  const places = (s: Service) => {
    if (s.placesFree === null) return t('services.placesUnknown');
    const count =
      s.capacity === null
        ? formatNumber(s.placesFree)
        : t('services.placesOf', { free: formatNumber(s.placesFree), capacity: formatNumber(s.capacity) });
    return s.placesUpdatedAt
      ? `${count} (${t('services.placesUpdated', { when: formatDateTime(s.placesUpdatedAt) })})`
      : count;
  };
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('services.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('services.name')}</th>
            <th scope="col">{t('services.category')}</th>
            <th scope="col">{t('services.provider')}</th>
            <th scope="col">{t('services.areas')}</th>
            <th scope="col">{t('services.eligibility')}</th>
            <th scope="col">{t('services.languages')}</th>
            <th scope="col">{t('services.places')}</th>
            <th scope="col">{t('services.contact')}</th>
          </tr>
        </thead>
        <tbody>
          {props.services.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.name}
                {s.category === 'shelter' && s.locations.length === 0 ? (
                  <span className="service-note">{t('services.addressConfidential')}</span>
                ) : (
                  s.locations.map((l) => (
                    <span key={l.id} className="service-note">
                      {[l.address, l.city, l.country ? labels.country(l.country) : null]
                        .filter(Boolean)
                        .join(', ')}
                    </span>
                  ))
                )}
              </th>
              <td>{labels.category(s.category)}</td>
              <td>{s.provider.name}</td>
              <td>{[...s.countries.map(labels.country), ...s.areas].join(', ')}</td>
              <td>
                {s.eligibility.map((code) => t(`services.eligibility.${code}` as MessageKey)).join(', ')}
              </td>
              <td>{s.languages.map(labels.languageName).join(', ')}</td>
              <td>
                {places(s)}
                {mayUpdate(s) ? (
                  <span className="service-note">
                    <UpdatePlaces service={s} onSaved={props.onPlacesSaved} />
                  </span>
                ) : null}
              </td>
              <td>
                {s.phones.map((p) => (
                  <span key={p.number} className="service-note">
                    <a href={`tel:${p.number.replace(/[^+\d]/g, '')}`} dir="ltr">
                      {p.number}
                    </a>
                  </span>
                ))}
                {s.email ? (
                  <span className="service-note">
                    <a href={`mailto:${s.email}`}>{s.email}</a>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager(props: { total: number; offset: number; onOffset: (offset: number) => void }) {
  const { t, formatNumber } = useI18n();
  if (props.total <= PAGE_SIZE) return null;
  const to = Math.min(props.offset + PAGE_SIZE, props.total);
  return (
    <nav
      className="pager"
      aria-label={t('services.page', {
        from: formatNumber(props.offset + 1),
        to: formatNumber(to),
        total: formatNumber(props.total),
      })}
    >
      <button
        type="button"
        disabled={props.offset === 0}
        onClick={() => props.onOffset(Math.max(0, props.offset - PAGE_SIZE))}
      >
        {t('services.previous')}
      </button>
      <span>
        {t('services.page', {
          from: formatNumber(props.offset + 1),
          to: formatNumber(to),
          total: formatNumber(props.total),
        })}
      </span>
      <button
        type="button"
        disabled={to >= props.total}
        onClick={() => props.onOffset(props.offset + PAGE_SIZE)}
      >
        {t('services.next')}
      </button>
    </nav>
  );
}

type Projector = (longitude: number, latitude: number) => readonly [number, number] | null;

/** Services with a public location as dots on the world map of the home page (same projection). */
function ServiceMap(props: { services: Service[] }) {
  const { t } = useI18n();
  const geometry = useWorldGeometry();
  const [project, setProject] = useState<Projector | null>(null);
  useEffect(() => {
    let live = true;
    import('../home/map-geometry.js').then((module) => live && setProject(() => module.projectPoint));
    return () => {
      live = false;
    };
  }, []);
  const points = props.services.flatMap((s) =>
    s.locations
      .filter((l) => !l.isConfidential && l.latitude !== null && l.longitude !== null)
      .map((l) => ({
        key: l.id,
        name: s.name,
        city: l.city ?? '',
        lon: l.longitude ?? 0,
        lat: l.latitude ?? 0,
      })),
  );
  if (points.length === 0) return <p className="map-empty">{t('services.mapEmpty')}</p>;
  if (geometry.status !== 'ready' || !project) return null;
  return (
    <figure className="service-map">
      <svg viewBox={geometry.data.viewBox} role="img" aria-label={t('services.map')}>
        <title>{t('services.map')}</title>
        <path d={geometry.data.sphere} className="map-sphere" />
        {geometry.data.shapes.map((shape, index) => (
          <path key={shape.numeric ?? index} d={shape.d} className="map-land" />
        ))}
        {points.map((point) => {
          const xy = project(point.lon, point.lat);
          return xy ? (
            <circle key={point.key} cx={xy[0]} cy={xy[1]} r={4} className="map-point">
              <title>{t('services.mapPoint', { name: point.name, city: point.city })}</title>
            </circle>
          ) : null;
        })}
      </svg>
      <figcaption>{t('services.map')}</figcaption>
    </figure>
  );
}
