// What every chart of a dashboard shares: the selection, the area, names, and how figures read.
import type { Bounds } from '../../components/charts/figures.js';
import { formatBounds } from '../../components/charts/figures.js';
import type { I18n } from '../../i18n/I18nProvider.js';
import type { Selection } from './DashboardControls.js';
import { type AreaNames, type FormLabels, isCountUnit } from './labels.js';

export type Dashboard = {
  selection: Selection;
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
  const base = t('stats.sourceLine', { publisher: release.publisher, release: release.label });
  return {
    selection,
    area,
    names,
    forms,
    figure: (bounds) => formatBounds(bounds, i18n.formatNumber, { isCount }),
    source: release.isSynthetic ? `${base} ${t('stats.syntheticSource')}` : base,
    isRtl: i18n.info.dir === 'rtl',
  };
}
