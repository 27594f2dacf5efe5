// IATI 2.03 activity XML → activity inputs: standard elements, Concerted's extension, and hints at a classification.
import { checkActivity, pillarOf } from '../record.js';
import { ActivityInput, type ImportProblem } from '../schemas.js';
import { readCode, unknownCode } from './codes.js';
import type { ParsedRecord } from './flat.js';
import { readBudget, readCountries, readDates, readRecipientRegions } from './iati-fields.js';
import { matchOrganisation, matchWarning, type NamedOrganisation } from './iati-organisations.js';
import { classify } from './iati-read-classification.js';
import { type Narrative, narrativeOf, narrativesOf, preferredText } from './narratives.js';
import type { ProposedOrganisation, Registry } from './registry.js';
import { child, childrenOf, type XmlNode } from './xml-tree.js';

/** Our own elements inside IATI files (IATI allows elements of other namespaces), so nothing is lost on export. */
export const CONCERTED_NS = 'https://concerted.dev/ns/iati/1';

export type IatiReadOptions = {
  /** Propose unknown reporting and participating organisations for provisional registration. */
  registerOrganisations: boolean;
};

export function parseIatiActivity(
  position: number,
  node: XmlNode,
  registry: Registry,
  options: IatiReadOptions = { registerOrganisations: false },
): ParsedRecord {
  return new IatiReader(position, node, registry, options).read();
}

/** Reads one <iati-activity>; problems and warnings name the element they are about. */
export class IatiReader {
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  readonly identifier: string | null;
  readonly extension: XmlNode | undefined;
  readonly defaultLang: string | null;
  private readonly proposals = new Map<string, ProposedOrganisation>();

  constructor(
    private readonly row: number,
    readonly node: XmlNode,
    readonly registry: Registry,
    private readonly options: IatiReadOptions,
  ) {
    this.identifier = child(node, 'iati-identifier')?.text.trim() || null;
    this.extension = child(node, 'classification', CONCERTED_NS);
    this.defaultLang = node.attributes['xml:lang']?.toLowerCase() ?? null;
  }

  read(): ParsedRecord {
    if (!this.identifier) this.problem('iati-identifier', 'Every iati-activity needs an iati-identifier');
    const titles = narrativesOf(child(this.node, 'title'), this.defaultLang);
    const descriptions = childrenOf(this.node, 'description').flatMap((d) =>
      narrativesOf(d, this.defaultLang).map((n) => ({ ...n, type: d.attributes.type ?? '1' })),
    );
    const title = preferredText(titles);
    if (!title) this.problem('title', 'The activity has no title narrative');
    const classification = classify(this, [
      ...titles.map((narrative) => ({ field: 'title' as const, narrative })),
      ...descriptions.map((narrative) => ({ field: 'description' as const, narrative })),
    ]);
    const { isTraffickingRelated, ...classified } = classification;
    const candidate = {
      identifier: this.identifier ?? undefined,
      title: title ?? '',
      description: preferredText(descriptions.filter((d) => d.type === '1')) ?? preferredText(descriptions),
      narratives: keptNarratives(titles, descriptions),
      leadOrganisationId: this.lead(),
      participants: this.participants(),
      ...classified,
      countries: readCountries(this, classified.chainStage),
      recipientRegions: readRecipientRegions(this),
      ...readDates(this),
      status: this.status(),
      budget: readBudget(this),
      peopleTargeted: this.people('targeted'),
      peopleReached: this.people('reached'),
      genderMarker: this.genderMarker(),
      coordinationMechanismId: this.mechanism(),
      provenance: this.provenance(),
      isPublished: this.extension?.attributes.published === 'true',
    };
    return { ...this.finish(candidate), isTraffickingRelated, proposals: [...this.proposals.values()] };
  }

  private finish(candidate: Record<string, unknown>): ParsedRecord {
    const base = {
      row: this.row,
      identifier: this.identifier,
      problems: this.problems,
      warnings: this.warnings,
    };
    if (this.problems.length > 0) return { ...base, input: null };
    const parsed = ActivityInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(issue.path.map(String).join('/'), issue.message);
      return { ...base, input: null };
    }
    for (const problem of checkActivity(parsed.data))
      this.problem(problem.path.replaceAll('.', '/'), problem.message);
    if (this.problems.length > 0) return { ...base, input: null };
    return { ...base, input: { ...parsed.data, identifier: this.identifier ?? '' } };
  }

  problem(column: string, message: string) {
    this.problems.push({ row: this.row, column, identifier: this.identifier, message });
  }

  warn(column: string, message: string) {
    this.warnings.push({ row: this.row, column, identifier: this.identifier, message });
  }

  narratives(node: XmlNode | undefined): Narrative[] {
    return narrativesOf(node, this.defaultLang);
  }

  text(node: XmlNode | undefined): string | null {
    return narrativeOf(node, this.defaultLang);
  }

  private namedOrganisation(node: XmlNode): NamedOrganisation {
    return {
      ref: node.attributes.ref?.trim() || null,
      type: node.attributes.type?.trim() || null,
      narratives: this.narratives(node),
    };
  }

  private lead(): string {
    const ownLead = this.extension?.attributes['lead-organisation'];
    if (ownLead) {
      const lookup = this.registry.organisation(ownLead);
      if (lookup.found) return lookup.found.id;
    }
    const reporting = child(this.node, 'reporting-org');
    if (!reporting) {
      this.problem(
        'reporting-org',
        'The activity has no reporting-org; it names the organisation that leads it',
      );
      return '';
    }
    const org = this.namedOrganisation(reporting);
    const match = matchOrganisation(org, this.registry, this.options.registerOrganisations);
    const warning = matchWarning(match, org, this.registry);
    if (warning) this.warn('reporting-org', warning);
    if (match.kind === 'proposed') this.proposals.set(match.id, match.proposal);
    if (match.kind !== 'unknown') return match.id;
    const named = [match.name ? `"${match.name}"` : null, org.ref ? `(${org.ref})` : null].filter(Boolean);
    this.problem(
      'reporting-org',
      `The reporting organisation ${named.join(' ') || 'without name or ref'} is not in the registry; it leads the activity. Register it first, or import with --register-organisations (API: registerOrganisations=true) to register it as provisional for a coordinator to review`,
    );
    return '';
  }

  private participants() {
    type Read = { organisationId: string | null; name: string; ref: string | null; role: string };
    return childrenOf(this.node, 'participating-org').flatMap((node, i): Read[] => {
      const column = `participating-org[${i + 1}]`;
      const role = readCode('iati_organisation_role', node.attributes.role ?? '');
      if (!role) {
        this.problem(`${column}/@role`, unknownCode('iati_organisation_role', node.attributes.role ?? ''));
        return [];
      }
      const org = this.namedOrganisation(node);
      const match = matchOrganisation(org, this.registry, this.options.registerOrganisations);
      const warning = matchWarning(match, org, this.registry);
      if (warning) this.warn(column, warning);
      if (match.kind === 'proposed') this.proposals.set(match.id, match.proposal);
      if (match.kind !== 'unknown')
        return [{ organisationId: match.id, name: match.name, ref: org.ref, role }];
      if (!match.name) {
        this.problem(column, 'A participating-org needs a narrative or a ref');
        return [];
      }
      this.warn(column, `"${match.name}" is not in the registry; kept by name only`);
      return [{ organisationId: null, name: match.name, ref: org.ref, role }];
    });
  }

  private status(): string {
    const typed = child(this.node, 'activity-status')?.attributes.code;
    if (!typed) return 'implementation';
    const code = readCode('iati_activity_status', typed);
    if (!code) this.problem('activity-status/@code', unknownCode('iati_activity_status', typed));
    return code ?? 'implementation';
  }

  private people(measure: 'targeted' | 'reached') {
    const counts: Record<string, number> = {};
    for (const p of childrenOf(this.node, 'people', CONCERTED_NS))
      if (p.attributes.measure === measure && p.attributes.cell)
        counts[p.attributes.cell] = Number(p.attributes.count);
    return counts;
  }

  /** IATI policy marker 1 (gender equality), significance 0 not targeted, 1 significant, 2 principal. */
  private genderMarker(): string | null {
    const marker = childrenOf(this.node, 'policy-marker').find(
      (m) => (m.attributes.vocabulary ?? '1') === '1' && m.attributes.code === '1',
    );
    const significance = marker?.attributes.significance;
    if (significance === undefined) return null;
    return readCode('gender_marker', Number(significance) > 2 ? '2' : significance);
  }

  private mechanism(): string | null {
    const name = this.extension?.attributes.mechanism;
    if (!name) return null;
    const lookup = this.registry.mechanism(name);
    if (!lookup.found) this.problem('concerted:classification/@mechanism', lookup.reason);
    return lookup.found?.id ?? null;
  }

  private provenance() {
    const own = child(this.node, 'provenance', CONCERTED_NS)?.attributes;
    if (own)
      return {
        source: own.source ?? null,
        reportedBy: own['reported-by'] ?? null,
        reportedOn: own['reported-on'] ?? null,
      };
    return {
      source: 'IATI',
      reportedBy: this.text(child(this.node, 'reporting-org')),
      reportedOn: (this.node.attributes['last-updated-datetime'] ?? '').slice(0, 10) || null,
    };
  }

  /** For the classification reader. */
  pillarOf(activityType: string): string | null {
    return pillarOf(activityType);
  }
}

/**
 * The narratives worth keeping beside the title and description: all of them when there is more than one, or one
 * in another language than English. A single English narrative is the title (description) itself, so that
 * exporting and importing again finds the activity unchanged.
 */
function keptNarratives(titles: Narrative[], descriptions: (Narrative & { type: string })[]) {
  const isPlain = (list: Narrative[]) =>
    list.length <= 1 && list.every((n) => n.lang === null || n.lang === 'en');
  if (isPlain(titles) && isPlain(descriptions) && descriptions.every((d) => d.type === '1')) return {};
  return {
    ...(titles.length > 0 ? { title: titles } : {}),
    ...(descriptions.length > 0 ? { description: descriptions } : {}),
  };
}
