// `concerted assistance needs|offers|suggest NEED_ID`: the needs for technical assistance, the offers, and
// the offers suggested for one need best first with why, read from the configured database as the operator.
// --json prints the records, for scripts.
import { Command, InvalidArgumentError } from 'commander';
import { NeedFilters } from '../plans/assistance-schemas.js';
import { listNeeds, listOffers } from '../plans/assistance-store.js';
import { NEED_STATUSES, OFFER_STATUSES } from '../plans/engine/assistance.js';
import type { MatchReason } from '../plans/engine/assistance-matching.js';
import { suggestOffers } from '../plans/suggest-offers.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';
import {
  codeWords,
  countryName,
  countryNamesText,
  languageNamesText,
  pillarName,
} from './reference-names.js';

type ListOptions = { status?: string; country?: string; pillar?: string; json?: boolean };
type SuggestOptions = { json?: boolean; today?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf(values: readonly string[]) {
  return (value: string) => {
    if (!values.includes(value)) throw new InvalidArgumentError(`one of ${values.join(', ')}`);
    return value;
  };
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a date as YYYY-MM-DD');
  return value;
}

export function assistanceCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('assistance').description(
    'technical assistance: needs countries post, offers partners make, and the offers suggested for a need',
  );
  command
    .command('needs')
    .description('list the needs, newest first')
    .option(
      '--status <status>',
      `only needs in this status (${NEED_STATUSES.join(', ')})`,
      oneOf(NEED_STATUSES),
    )
    .option('--country <iso3>', 'only needs of this country (ISO 3166-1 alpha-3)', (v) => v.toUpperCase())
    .option('--json', 'print the needs as JSON')
    .action(action((options: ListOptions) => withDatabase(open, (db) => printNeeds(db, options))));
  command
    .command('offers')
    .description('list the offers, newest first')
    .option(
      '--status <status>',
      `only offers in this status (${OFFER_STATUSES.join(', ')})`,
      oneOf(OFFER_STATUSES),
    )
    .option('--json', 'print the offers as JSON')
    .action(action((options: ListOptions) => withDatabase(open, (db) => printOffers(db, options))));
  command
    .command('suggest')
    .description('the open offers that could meet a need, best first, with the points of each criterion')
    .argument('<need-id>', 'the need, by the id `concerted assistance needs` shows')
    .option('--today <date>', 'judge availability on this date rather than today (YYYY-MM-DD)', isoDate)
    .option('--json', 'print the suggestions as JSON')
    .action(
      action((needId: string, options: SuggestOptions) => {
        if (!UUID.test(needId)) throw new InvalidArgumentError(`"${needId}" is not a need id`);
        return withDatabase(open, (db) => printSuggestions(db, needId, options));
      }),
    );
  return command;
}

type Db = Parameters<Parameters<typeof withDatabase>[1]>[0];

async function printNeeds(db: Db, options: ListOptions) {
  const filters = NeedFilters.safeParse({ status: options.status, country: options.country });
  if (!filters.success) throw new Error(`--country ${options.country} is not an ISO 3166-1 alpha-3 code`);
  const needs = await listNeeds(db, filters.data);
  if (options.json) return printJson(needs);
  if (needs.length === 0) return void process.stdout.write('No needs for technical assistance.\n');
  printTable(
    needs.map((need) => ({
      id: need.id,
      status: need.status,
      country: countryName(need.country),
      pillar: pillarName(need.pillar),
      kind: codeWords(need.kind),
      title: need.title,
      organisation: need.organisationName,
      'wanted by': need.wantedBy ?? '',
    })),
  );
}

async function printOffers(db: Db, options: ListOptions) {
  const offers = await listOffers(db, {
    status: options.status as (typeof OFFER_STATUSES)[number] | undefined,
  });
  if (options.json) return printJson(offers);
  if (offers.length === 0) return void process.stdout.write('No offers of technical assistance.\n');
  printTable(
    offers.map((offer) => ({
      id: offer.id,
      status: offer.status,
      title: offer.title,
      organisation: offer.organisationName,
      pillars: offer.pillars.map(pillarName).join(', '),
      kinds: offer.kinds.map(codeWords).join(', '),
      countries: offer.countries.length > 0 ? countryNamesText(offer.countries) : 'any',
      languages: languageNamesText(offer.languages),
    })),
  );
}

/** A reason in words, for people reading the terminal. */
export function describeReason(reason: MatchReason): string {
  switch (reason.criterion) {
    case 'same_pillar':
      return 'same pillar';
    case 'same_kind':
      return 'same kind of help';
    case 'country_named':
      return 'serves the country';
    case 'any_country':
      return 'serves any country';
    case 'shared_languages':
      return `speaks ${languageNamesText(reason.languages)}`;
    case 'available_in_time':
      return 'available in time';
  }
}

async function printSuggestions(db: Db, needId: string, options: SuggestOptions) {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { need, suggestions } = await db.transaction((tx) => suggestOffers(tx, needId, today));
  if (options.json) return printJson({ need, suggestions });
  process.stdout.write(
    `${need.title} (${countryName(need.country)}, ${pillarName(need.pillar)}, ${codeWords(need.kind)}) — ${need.status}\n`,
  );
  if (need.status !== 'open')
    return void process.stdout.write('The need is no longer open: no offers are suggested.\n');
  if (suggestions.length === 0)
    return void process.stdout.write('No open offer shares its pillar or kind.\n');
  printTable(
    suggestions.map(({ offer, score, reasons }) => ({
      score,
      offer: offer.title,
      organisation: offer.organisationName,
      why: reasons.map((reason) => `${describeReason(reason)} +${reason.points}`).join('; '),
      id: offer.id,
    })),
  );
}
