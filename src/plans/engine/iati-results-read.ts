// Reads IATI 2.03 results back into a plan's indicators, targets and progress reports: ours (see
// iati-results-write.ts) without loss, and other publishers' with what they leave out left empty. Every problem
// is a sentence naming the element (by its path in the file) and what to change; nothing is thrown. Pure: the
// text is read from memory through the project's bounded XML reader.
import { Readable } from 'node:stream';
import { type Narrative, narrativesOf, preferredText } from '../../activities/import/narratives.js';
import type { XmlLimits } from '../../activities/import/xml-limits.js';
import { child, childrenOf, readElements, type XmlNode } from '../../activities/import/xml-tree.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { type ActivityFacts, activityFactsOf, joinPlanFacts, planFactsOf } from './iati-plan-facts.js';
import { readBaselineDate, readDate, readDimensions, readValue } from './iati-results-values.js';
import type {
  Disaggregation,
  Indicator,
  IndicatorSource,
  ProgressReport,
  ProgressStatus,
  Target,
} from './model.js';
import {
  CONCERTED_NS,
  countingIds,
  directionOfAscending,
  type ImportedMeasureResults,
  type ImportedPlanFacts,
  type NewId,
  type ResultsImport,
  unitOfIatiMeasure,
} from './results-vocabulary.js';

export type IatiResultsReadOptions = {
  /** The identifier prefix the plan was published with: an activity named by it gives its measure's id. */
  identifierPrefix?: string | undefined;
  newId?: NewId | undefined;
  limits?: Partial<XmlLimits> | undefined;
};

const STATUSES: readonly ProgressStatus[] = ['on_track', 'at_risk', 'off_track'];

export async function readIatiResults(
  xml: string,
  options: IatiResultsReadOptions = {},
): Promise<ResultsImport> {
  const reader = new ResultsReader(options.newId ?? countingIds(), options.identifierPrefix);
  let activities = 0;
  try {
    for await (const activity of readElements(Readable.from([xml]), 'iati-activity', options.limits)) {
      activities += 1;
      reader.readActivity(activity, `iati-activity[${activities}]`);
    }
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : 'The file could not be read as XML. Check that it is a complete IATI activity file saved as UTF-8.';
    reader.problems.push({ path: 'file', code: 'unreadable_xml', message });
    return reader.result();
  }
  if (activities === 0)
    reader.problem(
      'file',
      'no_activity',
      'The file holds no iati-activity element, so it has no results to import. Export the activities with their results from the publishing system (IATI activity file, version 2.03).',
    );
  return reader.result();
}

/** Reads activities one by one, collecting results, problems and notes. */
class ResultsReader {
  readonly problems: FieldError[] = [];
  readonly notes: FieldError[] = [];
  private readonly measures: ImportedMeasureResults[] = [];
  private plan: ImportedPlanFacts | undefined;
  private lang: string | null = null;

  constructor(
    private readonly newId: NewId,
    private readonly identifierPrefix: string | undefined,
  ) {}

  result(): ResultsImport {
    return { measures: this.measures, problems: this.problems, notes: this.notes, plan: this.plan };
  }

  problem(path: string, code: string, message: string) {
    this.problems.push({ path, code, message });
  }

  note(path: string, code: string, message: string) {
    this.notes.push({ path, code, message });
  }

  readActivity(activity: XmlNode, path: string) {
    this.lang = activity.attributes['xml:lang']?.toLowerCase() ?? null;
    const identifier = child(activity, 'iati-identifier')?.text.trim() ?? '';
    this.plan = joinPlanFacts(this.plan, planFactsOf(activity, this.lang));
    const facts = activityFactsOf(activity, this.lang);
    const results = childrenOf(activity, 'result');
    if (results.length === 0) {
      this.note(
        path,
        'no_result',
        `The activity ${identifier || path} has no result element; it was passed over.`,
      );
      return;
    }
    const measureId = results.length === 1 ? this.measureIdOf(activity, identifier) : null;
    // The activity's title stands in for a result without one.
    const activityTitle = () => this.text(child(activity, 'title'), `${path}/title`);
    results.forEach((result, index) => {
      this.readResult(result, `${path}/result[${index + 1}]`, { measureId, ...facts }, activityTitle);
    });
  }

  private readResult(
    result: XmlNode,
    path: string,
    facts: ActivityFacts & { measureId: string | null },
    activityTitle: () => string | null,
  ) {
    const title = this.text(child(result, 'title'), `${path}/title`) ?? activityTitle();
    if (!title) {
      this.problem(
        path,
        'untitled_result',
        `The result at ${path} has no title, nor has its activity: give the result a title with a narrative, so that it can be matched to a measure.`,
      );
      return;
    }
    const indicators = childrenOf(result, 'indicator').flatMap((indicator, i) => {
      const read = this.indicator(indicator, `${path}/indicator[${i + 1}]`);
      return read ? [read] : [];
    });
    this.measures.push({ ...facts, title, indicators, source: path });
  }

  private measureIdOf(activity: XmlNode, identifier: string): string | null {
    const own = child(activity, 'measure', CONCERTED_NS)?.attributes.id;
    if (own) return own;
    const prefix = this.identifierPrefix ? `${this.identifierPrefix}-` : null;
    return prefix && identifier.startsWith(prefix) ? identifier.slice(prefix.length) : null;
  }

  /** The English (or unmarked, or first) narrative; the others are noted as not kept. */
  private text(node: XmlNode | undefined, path: string): string | null {
    const narratives = narrativesOf(node, this.lang);
    const chosen = preferredText(narratives);
    const others = narratives.filter((n) => n.text !== chosen);
    if (chosen && others.length > 0)
      this.note(
        path,
        'other_languages',
        `The text at ${path} is also given in ${languagesOf(others)}; only "${chosen}" was kept. Add the other languages again after the import if they are needed.`,
      );
    return chosen;
  }

  private indicator(node: XmlNode, path: string): Indicator | null {
    const name = this.text(child(node, 'title'), `${path}/title`);
    if (!name) {
      this.problem(
        path,
        'untitled_indicator',
        `The indicator at ${path} has no title: give it a title with a narrative; the indicator was not imported.`,
      );
      return null;
    }
    const ours = child(node, 'indicator', CONCERTED_NS);
    const facts = ours?.attributes ?? {};
    // In the file's order, so that problems are listed as a reader of the file meets them.
    const baseline = this.baseline(node, path);
    const periods = childrenOf(node, 'period').flatMap((p, i) => this.period(p, `${path}/period[${i + 1}]`));
    const targets = periods.flatMap((p) => p.targets);
    const reports = periods.flatMap((p) => p.reports);
    return {
      id: facts.id ?? this.newId('indicator'),
      name,
      definition: this.text(child(node, 'description'), `${path}/description`) ?? '',
      unit: facts.unit ?? this.unitOf(node, path),
      direction: this.directionOf(node, path),
      baseline,
      targets,
      // Our export leaves the attribute out for an indicator of totals; another publisher's says nothing.
      disaggregatedBy: disaggregatedBy(ours ? (facts['disaggregated-by'] ?? '') : undefined, [
        ...targets,
        ...reports,
      ]),
      source: this.sourceOf(facts.source, path),
      reports,
    };
  }

  private unitOf(node: XmlNode, path: string): string {
    const unit = unitOfIatiMeasure(node.attributes.measure);
    if (unit) return unit;
    this.note(
      path,
      'unknown_measure',
      `The indicator at ${path} has measure="${node.attributes.measure}", which IATI's IndicatorMeasure codelist does not hold (1 to 5); it was read as a count of units. Correct its unit after the import if needed.`,
    );
    return 'number';
  }

  private directionOf(node: XmlNode, path: string) {
    const direction = directionOfAscending(node.attributes.ascending);
    if (direction) return direction;
    this.note(
      path,
      'unknown_ascending',
      `The indicator at ${path} has ascending="${node.attributes.ascending}", which is neither 1 nor 0; it was read as "higher is better". Correct its direction after the import if needed.`,
    );
    return 'increase';
  }

  /** Only the shape is checked here: a query or filter from a file is checked again where it is run. */
  private sourceOf(json: string | undefined, path: string): IndicatorSource {
    if (json === undefined) return { kind: 'manual' };
    try {
      const source = JSON.parse(json) as IndicatorSource;
      if (source.kind === 'manual') return { kind: 'manual' };
      if (source.kind === 'statistics' && isRecord(source.query))
        return { kind: 'statistics', query: source.query };
      if (source.kind === 'activities' && isRecord(source.filter))
        return { kind: 'activities', filter: source.filter };
    } catch {
      // Reported below, as any other source that cannot be read.
    }
    this.note(
      path,
      'unknown_source',
      `The data source of the indicator at ${path} could not be read; its values will be entered by hand. Choose its data source again after the import if it had one.`,
    );
    return { kind: 'manual' };
  }

  /** The first baseline with a value; a foreign file may give several (by place or group), noted as left out. */
  private baseline(node: XmlNode, path: string): Indicator['baseline'] {
    const baselines = childrenOf(node, 'baseline');
    for (const [index, baseline] of baselines.entries()) {
      const at = `${path}/baseline[${index + 1}]`;
      const value = readValue(baseline, at, 'baseline', false, this);
      if (value === null) continue;
      const date = readBaselineDate(baseline, at, this);
      const dimensions = readDimensions(baseline, at, this);
      if (!date || !dimensions) continue;
      if (index < baselines.length - 1)
        this.note(
          path,
          'several_baselines',
          `The indicator at ${path} has ${baselines.length} baselines; the plan keeps one, and the one at ${at} was kept.`,
        );
      return { ...dimensions.disaggregation, value, date };
    }
    return null;
  }

  private period(node: XmlNode, path: string): { targets: Target[]; reports: ProgressReport[] }[] {
    const start = readDate(child(node, 'period-start'), `${path}/period-start`, this);
    const end = readDate(child(node, 'period-end'), `${path}/period-end`, this);
    if (!start || !end) return [];
    if (end < start) {
      this.problem(
        path,
        'period_ends_before_start',
        `The period at ${path} ends (${end}) before it starts (${start}): swap the two dates; its targets and actuals were not imported.`,
      );
      return [];
    }
    const targets = childrenOf(node, 'target').flatMap((target, i) => {
      const at = `${path}/target[${i + 1}]`;
      const value = readValue(target, at, 'target', true, this);
      const dimensions = readDimensions(target, at, this);
      if (value === null || !dimensions) return [];
      if (dimensions.others.length > 0)
        this.note(
          at,
          'other_dimensions',
          `The target at ${at} is also given by ${dimensions.others.join(', ')}, which the plan does not break down by; it was read for all of them.`,
        );
      return [{ start, end, ...dimensions.disaggregation, value }];
    });
    const reports = childrenOf(node, 'actual').flatMap((actual, i) => {
      const report = this.actual(actual, `${path}/actual[${i + 1}]`, start, end);
      return report ? [report] : [];
    });
    return [{ targets, reports }];
  }

  private actual(node: XmlNode, path: string, start: string, end: string): ProgressReport | null {
    const hasValue = node.attributes.value !== undefined && node.attributes.value.trim() !== '';
    const value = hasValue ? readValue(node, path, 'actual', true, this) : null;
    const dimensions = readDimensions(node, path, this);
    if ((hasValue && value === null) || !dimensions) return null;
    const progress = child(node, 'progress', CONCERTED_NS)?.attributes ?? {};
    const status = STATUSES.find((s) => s === progress.status) ?? 'on_track';
    const notes = [progress['source-note'], ...dimensions.others].filter((n): n is string => !!n);
    return {
      id: progress.report ?? this.newId('report'),
      start,
      end,
      ...dimensions.disaggregation,
      value,
      narrative: this.text(child(node, 'comment'), `${path}/comment`) ?? '',
      evidenceLinks: childrenOf(node, 'document-link').flatMap((link) =>
        link.attributes.url ? [link.attributes.url] : [],
      ),
      status,
      // An imported actual is a report like any other: it counts once the plan's coordinator approves it.
      approvedAt: null,
      ...(notes.length > 0 ? { sourceNote: notes.join('; ') } : {}),
    };
  }
}

function disaggregatedBy(declared: string | undefined, values: readonly Disaggregation[]): ('sex' | 'age')[] {
  if (declared !== undefined)
    return declared.split(/\s+/).filter((d): d is 'sex' | 'age' => d === 'sex' || d === 'age');
  const kinds: ('sex' | 'age')[] = [];
  if (values.some((v) => v.sex)) kinds.push('sex');
  if (values.some((v) => v.age)) kinds.push('age');
  return kinds;
}

function languagesOf(narratives: readonly Narrative[]): string {
  return [...new Set(narratives.map((n) => n.lang ?? 'an unmarked language'))].join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
