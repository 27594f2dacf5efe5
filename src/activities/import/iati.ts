// IATI 2.03 activity XML → activity inputs: standard elements, Concerted's extension, and DAC/SDG hints.
import isoCountries from 'i18n-iso-countries';
import { checkActivity } from '../record.js';
import { ActivityInput, type ImportProblem } from '../schemas.js';
import { readCode, unknownCode } from './codes.js';
import type { ParsedRecord } from './flat.js';
import hints from './iati-hints.json' with { type: 'json' };
import type { Registry } from './registry.js';
import { child, childrenOf, narrativeOf, type XmlNode } from './xml-tree.js';

/** Our own elements inside IATI files (IATI allows elements of other namespaces), so nothing is lost on export. */
export const CONCERTED_NS = 'https://concerted.dev/ns/iati/1';

type Hint = { pillar?: string; activityType?: string; targetGroups?: string[]; forms?: string[] };
const SECTOR_HINTS: Record<string, Hint> = hints.sectors;
const SDG_HINTS: Record<string, Hint> = hints.sdgTargets;
const PILLAR_DEFAULTS: Record<string, string> = hints.pillarDefaultActivityType;

/** IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
const DATE_TYPES: Record<string, 'plannedStart' | 'actualStart' | 'plannedEnd' | 'actualEnd'> = {
  '1': 'plannedStart',
  '2': 'actualStart',
  '3': 'plannedEnd',
  '4': 'actualEnd',
};

export function parseIatiActivity(position: number, node: XmlNode, registry: Registry): ParsedRecord {
  return new IatiReader(position, node, registry).read();
}

class IatiReader {
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  private readonly identifier: string | null;
  private readonly extension: XmlNode | undefined;

  constructor(
    private readonly row: number,
    private readonly node: XmlNode,
    private readonly registry: Registry,
  ) {
    this.identifier = child(node, 'iati-identifier')?.text.trim() || null;
    this.extension = child(node, 'classification', CONCERTED_NS);
  }

  read(): ParsedRecord {
    if (!this.identifier) this.problem('iati-identifier', 'Every iati-activity needs an iati-identifier');
    const title = narrativeOf(child(this.node, 'title'));
    if (!title) this.problem('title', 'The activity has no title narrative');
    const classification = this.classification();
    const candidate = {
      identifier: this.identifier ?? undefined,
      title: title ?? '',
      description: this.description(),
      leadOrganisationId: this.lead(),
      participants: this.participants(),
      ...classification,
      countries: this.countries(classification.chainStage),
      ...this.dates(),
      status: this.status(),
      budget: this.budget(),
      peopleTargeted: this.people('targeted'),
      peopleReached: this.people('reached'),
      genderMarker: this.genderMarker(),
      coordinationMechanismId: this.mechanism(),
      provenance: this.provenance(),
      isPublished: this.extension?.attributes.published === 'true',
    };
    return this.finish(candidate);
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

  private problem(column: string, message: string) {
    this.problems.push({ row: this.row, column, identifier: this.identifier, message });
  }

  private warn(column: string, message: string) {
    this.warnings.push({ row: this.row, column, identifier: this.identifier, message });
  }

  private description(): string | null {
    const all = childrenOf(this.node, 'description');
    const general = all.find((d) => !d.attributes.type || d.attributes.type === '1') ?? all[0];
    return narrativeOf(general);
  }

  private lead(): string {
    const named = this.extension?.attributes['lead-organisation'];
    const reporting = child(this.node, 'reporting-org');
    const candidates = [named, narrativeOf(reporting), reporting?.attributes.ref].filter((c): c is string =>
      Boolean(c),
    );
    for (const key of candidates) {
      const lookup = this.registry.organisation(key);
      if (lookup.found) return lookup.found.id;
    }
    this.problem(
      'reporting-org',
      `The reporting organisation ${candidates[0] ? `"${candidates[0]}" ` : ''}is not in the registry; register it first, it leads the activity`,
    );
    return '';
  }

  private participants() {
    type Read = { organisationId: string | null; name: string; ref: string | null; role: string };
    return childrenOf(this.node, 'participating-org').flatMap((org, i): Read[] => {
      const column = `participating-org[${i + 1}]`;
      const role = readCode('iati_organisation_role', org.attributes.role ?? '');
      if (!role) {
        this.problem(`${column}/@role`, unknownCode('iati_organisation_role', org.attributes.role ?? ''));
        return [];
      }
      const name = narrativeOf(org) ?? org.attributes.ref ?? null;
      if (!name) {
        this.problem(column, 'A participating-org needs a narrative or a ref');
        return [];
      }
      const ref = org.attributes.ref?.trim() || null;
      const lookup = this.registry.organisation(name);
      if (lookup.found) return [{ organisationId: lookup.found.id, name: lookup.found.name, ref, role }];
      this.warn(column, `"${name}" is not in the registry; kept by name only`);
      return [{ organisationId: null, name, ref, role }];
    });
  }

  /** Pillar, type, forms, target groups and chain stage: from our extension, else hinted by sectors and SDG targets. */
  private classification() {
    const ext = this.extension?.attributes ?? {};
    const hinted = this.hints();
    const list = (
      value: string | undefined,
      listName: 'form_of_exploitation' | 'target_group',
      column: string,
    ) =>
      (value ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((typed) => {
          const code = readCode(listName, typed);
          if (!code) this.problem(column, unknownCode(listName, typed));
          return code ? [code] : [];
        });
    const code = (
      value: string | undefined,
      listName: 'activity_type' | 'pillar' | 'chain_stage',
      column: string,
    ) => {
      if (!value) return null;
      const found = readCode(listName, value);
      if (!found) this.problem(column, unknownCode(listName, value));
      return found;
    };
    let activityType = code(ext['activity-type'], 'activity_type', 'concerted:classification/@activity-type');
    const pillar = code(ext.pillar, 'pillar', 'concerted:classification/@pillar') ?? hinted.pillar ?? null;
    if (!activityType && hinted.activityType) {
      activityType = hinted.activityType;
      this.warn('sector', `activity type ${activityType} inferred from ${hinted.source}`);
    } else if (!activityType && pillar) {
      activityType = PILLAR_DEFAULTS[pillar] ?? null;
      this.warn(
        'sector',
        `activity type ${activityType} assumed for the ${pillar} pillar (${hinted.source ?? 'classification'}); check it`,
      );
    }
    if (!activityType)
      this.problem(
        'sector',
        'No activity type: add a DAC sector 15190, 15180 or 15160, an SDG target 5.2, 8.7 or 16.2, or a concerted:classification element',
      );
    const forms = this.extension
      ? list(ext.forms, 'form_of_exploitation', 'concerted:classification/@forms')
      : hinted.forms;
    const targetGroups = this.extension
      ? list(ext['target-groups'], 'target_group', 'concerted:classification/@target-groups')
      : hinted.targetGroups;
    return {
      pillar: this.extension ? (pillar ?? undefined) : undefined,
      activityType: activityType ?? '',
      forms,
      targetGroups,
      chainStage: code(ext['chain-stage'], 'chain_stage', 'concerted:classification/@chain-stage'),
    };
  }

  private hints() {
    const sectors = childrenOf(this.node, 'sector');
    const codes = [
      ...sectors
        .filter((s) => (s.attributes.vocabulary ?? '1') === '1')
        .sort((a, b) => Number(b.attributes.percentage ?? 100) - Number(a.attributes.percentage ?? 100))
        .map((s) => ({
          hint: SECTOR_HINTS[s.attributes.code ?? ''],
          source: `DAC sector ${s.attributes.code}`,
        })),
      ...[
        ...sectors.filter((s) => s.attributes.vocabulary === '8'),
        ...childrenOf(this.node, 'tag').filter((t) => t.attributes.vocabulary === '3'),
      ].map((s) => ({ hint: SDG_HINTS[s.attributes.code ?? ''], source: `SDG target ${s.attributes.code}` })),
    ].filter((h): h is { hint: Hint; source: string } => h.hint !== undefined);
    const withPillar = codes.find((c) => c.hint.pillar);
    const withType = codes.find((c) => c.hint.activityType && c.hint.pillar === withPillar?.hint.pillar);
    return {
      pillar: withPillar?.hint.pillar,
      activityType: withType?.hint.activityType,
      source: withType?.source ?? withPillar?.source,
      forms: [...new Set(codes.flatMap((c) => c.hint.forms ?? []))],
      targetGroups: [...new Set(codes.flatMap((c) => c.hint.targetGroups ?? []))],
    };
  }

  private countries(chainStage: string | null) {
    const own = childrenOf(this.node, 'country', CONCERTED_NS);
    if (own.length > 0)
      return own.map((c) => ({
        iso3: (c.attributes.code ?? '').toUpperCase(),
        role: c.attributes.role ?? '',
        places: childrenOf(c, 'place', CONCERTED_NS).map((p) => p.text.trim()),
      }));
    const role = chainStage === 'supply' ? 'origin' : chainStage === 'transit' ? 'transit' : 'destination';
    const recipients = childrenOf(this.node, 'recipient-country').flatMap((c, i) => {
      const alpha2 = (c.attributes.code ?? '').toUpperCase();
      const iso3 = isoCountries.alpha2ToAlpha3(alpha2);
      if (!iso3) {
        this.problem(`recipient-country[${i + 1}]/@code`, `"${alpha2}" is not an ISO 3166-1 alpha-2 code`);
        return [];
      }
      return [{ iso3, role, places: [] as string[] }];
    });
    if (recipients.length > 0) this.warn('recipient-country', `IATI gives no country role; taken as ${role}`);
    const places = childrenOf(this.node, 'location').flatMap((l) => narrativeOf(child(l, 'name')) ?? []);
    if (recipients.length === 1 && recipients[0]) recipients[0].places.push(...places);
    if (recipients.length === 0) this.problem('recipient-country', 'The activity names no recipient country');
    return recipients;
  }

  private dates() {
    const dates: Record<string, string | null> = {
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
    };
    for (const date of childrenOf(this.node, 'activity-date')) {
      const field = DATE_TYPES[date.attributes.type ?? ''];
      const value = (date.attributes['iso-date'] ?? '').slice(0, 10);
      if (field && value) dates[field] = value;
    }
    return dates;
  }

  private status(): string {
    const typed = child(this.node, 'activity-status')?.attributes.code;
    if (!typed) return 'implementation';
    const code = readCode('iati_activity_status', typed);
    if (!code) this.problem('activity-status/@code', unknownCode('iati_activity_status', typed));
    return code ?? 'implementation';
  }

  private budget() {
    const own = child(this.node, 'budget', CONCERTED_NS);
    if (own)
      return {
        amount: Number(own.attributes.amount),
        currency: own.attributes.currency ?? '',
        funder: own.attributes.funder ?? null,
      };
    const fallback = this.node.attributes['default-currency'] ?? '';
    const values = childrenOf(this.node, 'budget').flatMap((b) => {
      const value = child(b, 'value');
      return value
        ? [{ amount: Number(value.text.trim()), currency: value.attributes.currency ?? fallback }]
        : [];
    });
    if (values.length === 0) return null;
    const currency = values[0]?.currency ?? '';
    const same = values.filter((v) => v.currency === currency);
    if (same.length < values.length)
      this.warn('budget', `budgets in other currencies than ${currency} were left out`);
    const funder = childrenOf(this.node, 'participating-org').find((o) => o.attributes.role === '1');
    return { amount: same.reduce((sum, v) => sum + v.amount, 0), currency, funder: narrativeOf(funder) };
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
      reportedBy: narrativeOf(child(this.node, 'reporting-org')),
      reportedOn: (this.node.attributes['last-updated-datetime'] ?? '').slice(0, 10) || null,
    };
  }
}
