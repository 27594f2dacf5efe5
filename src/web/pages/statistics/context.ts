// What every chart of a dashboard shares: the selection, the area, names, and how figures read.
import type { Bounds } from '../../components/charts/figures.js';
import { formatBounds } from '../../components/charts/figures.js';
import type { I18n } from '../../i18n/I18nProvider.js';
import type { Selection } from './DashboardControls.js';
import { indicatorName, releaseTitle } from './indicatorNames.js';
import { type AreaNames, type FormLabels, isCountUnit } from './labels.js';

export type Dashboard = {
  selection: Selection;
  /** The indicator's name in the reader's language (as published when we do not know it). */
  indicatorLabel: string;
  /** ISO3 country or M49 area the dashboard is about ('001' for the world). */
  area: string;
  names: AreaNames;
  forms: FormLabels;
  /** A figure as text: exact, "<5", or a range. */
  figure: (bounds: Bounds) => string;
  /** The source line under every chart. */
  source: string;
  isRtl: boolean;
};

export function makeDashboard(
  i18n: I18n,
  selection: Selection,
  area: string,
  names: AreaNames,
  forms: FormLabels,
): Dashboard {
  const { t } = i18n;
  const { release, indicator } = selection;
  const isCount = isCountUnit(indicator.units[0]);
  const publisher = release.source === 'glotip' || release.source === 'sdg' ? releaseTitle(release, t) : null;
  const base = publisher
    ? t('stats.sourceLineKnown', { release: publisher })
    : t('stats.sourceLine', { publisher: release.publisher, release: release.label });
  return {
    selection,
    indicatorLabel: indicatorName(indicator.indicator, t),
    area,
    names,
    forms,
    figure: (bounds) => formatBounds(bounds, i18n.formatNumber, { isCount }),
    source: release.isSynthetic ? `${base} ${t('stats.syntheticSource')}` : base,
    isRtl: i18n.info.dir === 'rtl',
  };
}
