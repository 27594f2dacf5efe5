// The country page's official figures: detected victims by sex and age, prosecutions and convictions, each with
// its year and the release it comes from. Censored figures are shown as published ("<5"), never guessed. Pure.
import type { Language } from '../reference/index.js';
import { type Bar, barChart, type Direction, escapeHtml } from './html-parts.js';
import { codeLabel, formatNumber, type LabelKey, label, labelHtml } from './labels.js';
import type { CountryFigure, CountryReport } from './schemas.js';

type Cell = CountryFigure['cells'][number];
type Value = Cell['value'];

const TOTAL = 'Total';
const SEX_COLOURS: Record<string, string> = { female: '#8e3b46', male: '#1f5f8b' };
const OTHER_COLOUR = '#767676';

/** The groups people read at once: women, girls, men and boys (the target group list names them). */
const GROUP_OF: Record<string, string> = {
  'female/adults': 'women',
  'female/children': 'girls',
  'male/adults': 'men',
  'male/children': 'boys',
};

/**
 * A censored figure stays as published ("<5"), isolated left to right (LRI … PDI, UAX #9): in an Arabic line the
 * sign would otherwise be mirrored and moved to the number's other side. Works in HTML and in SVG text alike.
 */
function valueText(lang: Language, value: Value): string {
  return value.isCensored ? `\u2066${value.text}\u2069` : formatNumber(lang, value.lower);
}

function sexName(lang: Language, cell: Cell): string {
  return cell.sexCode ? codeLabel(lang, 'sex', cell.sexCode) : cell.sex;
}

function cellName(lang: Language, cell: Cell): string {
  const group = GROUP_OF[`${cell.sexCode}/${cell.ageCode}`];
  if (group) return codeLabel(lang, 'target_group', group);
  if (cell.age === TOTAL) return sexName(lang, cell);
  const age = cell.ageCode ? codeLabel(lang, 'age_group', cell.ageCode) : cell.age;
  return cell.sex === TOTAL ? age : `${sexName(lang, cell)} · ${age}`;
}

/** The finest breakdown the publisher gave: by sex and age, else by sex, else by age. */
function finestCells(figure: CountryFigure): Cell[] {
  const both = figure.cells.filter((cell) => cell.sex !== TOTAL && cell.age !== TOTAL);
  if (both.length > 0) return both;
  const bySex = figure.cells.filter((cell) => cell.age === TOTAL);
  return bySex.length > 0 ? bySex : figure.cells;
}

function sexAgeChart(lang: Language, figure: CountryFigure, dir: Direction): string {
  const cells = finestCells(figure);
  if (cells.length === 0) return '';
  const bars: Bar[] = cells.map((cell) => ({
    label: cellName(lang, cell),
    value: cell.value.lower,
    text: valueText(lang, cell.value),
    colour: (cell.sexCode && SEX_COLOURS[cell.sexCode]) || OTHER_COLOUR,
  }));
  return barChart(label(lang, 'stats.bySexAndAge', { year: String(figure.year) }), bars, dir);
}

/** By sex at all ages: female, then male, then whatever else the publisher gave. */
function bySex(lang: Language, figure: CountryFigure): string {
  const order = (cell: Cell) => {
    const known = ['female', 'male'].indexOf(cell.sexCode ?? '');
    return known < 0 ? 2 : known;
  };
  const cells = figure.cells
    .filter((cell) => cell.sex !== TOTAL && cell.age === TOTAL)
    .sort((a, b) => order(a) - order(b));
  return cells
    .map((cell) =>
      label(lang, 'stats.cell', { name: sexName(lang, cell), value: valueText(lang, cell.value) }),
    )
    .join(' · ');
}

/** Detected victims' breakdown is the chart below the table; prosecutions and convictions keep theirs in it. */
function figureRow(lang: Language, figure: CountryFigure): string {
  const measure = label(lang, `measure.${figure.measure}` as LabelKey);
  const heading = label(lang, 'stats.inYear', { measure, year: String(figure.year) });
  const total = figure.total ? valueText(lang, figure.total) : '—';
  return `<tr><th scope="row">${escapeHtml(heading)}</th><td class="num">${escapeHtml(total)}</td><td class="small">${figure.measure === 'detected_victims' ? '' : escapeHtml(bySex(lang, figure))}</td></tr>`;
}

function sources(lang: Language, figures: readonly CountryFigure[]): string {
  const releases = [...new Map(figures.map((figure) => [figure.release.id, figure.release])).values()];
  const lines = releases.map((release) =>
    labelHtml(lang, 'stats.source', { release: release.label, publisher: release.publisher }),
  );
  if (releases.some((release) => release.isSynthetic)) lines.push(escapeHtml(label(lang, 'stats.synthetic')));
  const isCensored = figures.some(
    (figure) => figure.total?.isCensored || figure.cells.some((cell) => cell.value.isCensored),
  );
  if (isCensored) lines.push(escapeHtml(label(lang, 'stats.censored')));
  return lines.map((line) => `<p class="small muted">${line}</p>`).join('');
}

export function statisticsSection(report: CountryReport, dir: Direction): string {
  const { lang } = report;
  const title = `<h2>${escapeHtml(label(lang, 'section.statistics'))}</h2>`;
  const figures = report.statistics;
  if (figures.length === 0)
    return `<section>${title}<p class="muted">${escapeHtml(label(lang, 'none.statistics'))}</p></section>`;
  const victims = figures.find((figure) => figure.measure === 'detected_victims');
  const table = `<table><tbody>${figures.map((figure) => figureRow(lang, figure)).join('')}</tbody></table>`;
  return `<section>${title}${table}${victims ? sexAgeChart(lang, victims, dir) : ''}${sources(lang, figures)}</section>`;
}
