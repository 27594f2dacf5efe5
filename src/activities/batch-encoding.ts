// Activities as the text PostgreSQL reads for the import's staging table, and a new activity's first version
// snapshot as JSON: built here from the text already made for its columns, so that the database only parses it.
import { getTableColumns } from 'drizzle-orm';
import { copyField, copyJsonField } from '../platform/copy-text.js';
import { textArray } from '../platform/sql-arrays.js';
import type { ActivityValues } from './record.js';
import type { ActivityNarrativesValue, RecipientRegionValue } from './schema.js';
import { activities } from './schema.js';

export type Encoded = string | null;
/** How one value of a column becomes the text PostgreSQL reads for its type (null stays null). */
type Encoder = (value: unknown) => Encoded;

/** The columns an import sets from what a person entered: all but the key, version, times and illustrative mark. */
export const CONTENT_COLUMNS = Object.entries(getTableColumns(activities))
  .filter(
    ([key, column]) =>
      !column.generated &&
      !['id', 'identifier', 'version', 'createdAt', 'updatedAt', 'isIllustrative'].includes(key),
  )
  .map(([key, column]) => ({
    key: key as keyof ActivityValues,
    name: column.name,
    type: column.getSQLType(),
    encode: encoderFor(key, column.getSQLType()),
    /** How its text is escaped for COPY: numbers, dates, flags and ids need nothing; JSON only its backslashes. */
    escape: escaperFor(column.getSQLType()),
  }));

/** The staging table's columns, in the order every staged row lists its fields. */
export const STAGED = ['id', 'identifier', 'version', ...CONTENT_COLUMNS.map((c) => c.name), 'snapshot'];

const at = (key: keyof ActivityValues) => CONTENT_COLUMNS.findIndex((c) => c.key === key);
const PARTICIPANTS = at('participants');
const HINTS = at('classificationHints');
const COUNTRIES = at('countries');
const REGIONS = at('recipientRegions');
const NARRATIVES = at('narratives');
const TARGETED = at('peopleTargeted');
const REACHED = at('peopleReached');

/** A row's content as text, in CONTENT_COLUMNS order. */
export function contentTexts(values: ActivityValues): Encoded[] {
  const texts = new Array<Encoded>(CONTENT_COLUMNS.length);
  for (let j = 0; j < CONTENT_COLUMNS.length; j++) {
    const column = CONTENT_COLUMNS[j] as (typeof CONTENT_COLUMNS)[number];
    texts[j] = column.encode(values[column.key]);
  }
  return texts;
}

/** The escaped fields of copyContent, reused: join makes the line flat at once, unlike a chain of concatenations. */
const contentFields = new Array<string>(CONTENT_COLUMNS.length);

/** The content fields of a COPY line (tab-separated, escaped), to follow id, identifier and version. */
export function copyContent(texts: readonly Encoded[]): string {
  for (let j = 0; j < CONTENT_COLUMNS.length; j++) {
    const text = texts[j] ?? null;
    contentFields[j] = text === null ? '\\N' : (CONTENT_COLUMNS[j]?.escape ?? copyField)(text);
  }
  return contentFields.join('\t');
}

/**
 * The snapshot of a new activity, version 1, as the database would build it from the stored row
 * (activityView's shape): the JSON columns are the text they are stored from, numbers and text as the
 * column types give them back (a budget rounded to cents, a currency padded to three characters).
 */
export function firstSnapshot(id: string, values: ActivityValues, texts: readonly Encoded[], atIso: string) {
  const json = snapshotJson(id, values, texts, atIso, JSON.stringify);
  // JSON escapes a lone surrogate, which jsonb refuses; the text columns store it as U+FFFD, and so must the snapshot.
  return json.includes('\\ud')
    ? snapshotJson(id, values, texts, atIso, (text) => JSON.stringify(wellFormed(text)))
    : json;
}

type Quote = (text: string) => string;

function snapshotJson(
  id: string,
  v: ActivityValues,
  t: readonly Encoded[],
  atIso: string,
  quote: Quote,
): string {
  const budget =
    v.budgetAmount === null || v.budgetAmount === undefined
      ? 'null'
      : `{"amount":${JSON.stringify(amountAsStored(v.budgetAmount))},"funder":${q(quote, v.funderName)},"currency":${q(quote, currencyAsStored(v.budgetCurrency))}}`;
  // Keys in the order jsonb stores them (shorter first, then byte order): the server sorts each object's keys
  // as it parses it, and a list already in order costs it one comparison per key instead of a sort.
  return (
    `{"id":${uuid(id)},"forms":${strings(v.forms, quote)},"title":${q(quote, v.title)},"budget":${budget}` +
    `,"pillar":${q(quote, v.pillar)},"status":${q(quote, v.status)},"version":1,"actualEnd":${q(quote, v.actualEnd)}` +
    `,"countries":${t[COUNTRIES] ?? 'null'},"createdAt":"${atIso}","updatedAt":"${atIso}"` +
    `,"chainStage":${q(quote, v.chainStage)},"identifier":${q(quote, v.identifier)},"narratives":${t[NARRATIVES] ?? 'null'}` +
    `,"plannedEnd":${q(quote, v.plannedEnd)}` +
    `,"provenance":{"source":${q(quote, v.source)},"reportedBy":${q(quote, v.reportedBy)},"reportedOn":${q(quote, v.reportedOn)}}` +
    `,"actualStart":${q(quote, v.actualStart)},"description":${q(quote, v.description)},"isPublished":${v.isPublished === true}` +
    `,"activityType":${q(quote, v.activityType)},"genderMarker":${q(quote, v.genderMarker)}` +
    `,"participants":${t[PARTICIPANTS] ?? 'null'},"plannedStart":${q(quote, v.plannedStart)},"reachedTotal":${int(v.reachedTotal)}` +
    `,"targetGroups":${strings(v.targetGroups, quote)},"peopleReached":${t[REACHED] ?? 'null'}` +
    `,"targetedTotal":${int(v.targetedTotal)},"isIllustrative":false,"peopleTargeted":${t[TARGETED] ?? 'null'}` +
    `,"recipientRegions":${t[REGIONS] ?? 'null'},"leadOrganisationId":${uuid(v.leadOrganisationId)}` +
    `,"classificationHints":${t[HINTS] ?? 'null'},"needsClassification":${v.activityType === null || v.activityType === undefined}` +
    `,"coordinationMechanismId":${uuid(v.coordinationMechanismId)}}`
  );
}

function q(quote: Quote, text: string | null | undefined): string {
  return text === null || text === undefined ? 'null' : quote(text);
}

/** A uuid column gives its value back in lower case. */
function uuid(text: string | null | undefined): string {
  return text === null || text === undefined ? 'null' : `"${text.toLowerCase()}"`;
}

function int(value: number | null | undefined): string {
  return value === null || value === undefined ? 'null' : String(value);
}

function strings(values: readonly string[] | null | undefined, quote: (text: string) => string): string {
  if (!values || values.length === 0) return '[]';
  let json = '[';
  for (let i = 0; i < values.length; i++) json += `${i > 0 ? ',' : ''}${quote(values[i] as string)}`;
  return `${json}]`;
}

/**
 * The amount as numeric(18, 2) stores it and float8 gives it back: the decimal text rounded half away
 * from zero to cents (as PostgreSQL rounds), not the binary value (1.005 stores as 1.01).
 */
export function amountAsStored(amount: number): number {
  const text = String(amount);
  const point = text.indexOf('.');
  // Exponents appear only below 1e-6, which rounds to 0, and beyond what numeric(18, 2) holds.
  if (text.includes('e')) return Math.abs(amount) < 1 ? 0 : amount;
  if (point < 0 || text.length - point - 1 <= 2) return amount;
  const negative = text.startsWith('-');
  const digits = text.slice(negative ? 1 : 0, point) + text.slice(point + 1, point + 3);
  const cents = BigInt(digits) + (text.charCodeAt(point + 3) >= 53 ? 1n : 0n);
  const padded = cents.toString().padStart(3, '0');
  const rounded = Number(`${padded.slice(0, -2)}.${padded.slice(-2)}`);
  return negative ? -rounded : rounded;
}

/** char(3) pads a shorter code with spaces; the snapshot's coalesce gives '' for none. */
function currencyAsStored(currency: string | null | undefined): string {
  return currency === null || currency === undefined ? '' : currency.padEnd(3, ' ');
}

/** The text as it reaches the database: a lone surrogate, which UTF-8 cannot carry, becomes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function escaperFor(type: string): (text: string) => string {
  if (/^(uuid|integer|numeric|date|boolean)/.test(type)) return (text) => text;
  return type === 'jsonb' ? copyJsonField : copyField;
}

function encoderFor(key: string, type: string): Encoder {
  if (key === 'narratives') return (value) => jsonText(canonicalNarratives(value as ActivityNarrativesValue));
  if (key === 'recipientRegions')
    return (value) => jsonText(((value ?? []) as RecipientRegionValue[]).map(canonicalRegion));
  if (type === 'jsonb') return jsonText;
  if (type.endsWith('[]'))
    return (value) => (value === null || value === undefined ? null : textArray(value as string[]));
  return scalarText;
}

function jsonText(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  // Empty lists and objects are the most common values of these columns.
  if (Array.isArray(value)) return value.length === 0 ? '[]' : JSON.stringify(value);
  for (const _ in value as object) return JSON.stringify(value);
  return '{}';
}

function scalarText(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/**
 * Narratives and regions as the API shows them (record.ts contentOf), so that the snapshot can take the stored
 * column as it is: empty lists left out, absent fields as null.
 */
function canonicalNarratives(
  narratives: ActivityNarrativesValue | null | undefined,
): ActivityNarrativesValue {
  const result: ActivityNarrativesValue = {};
  if (narratives?.title?.length) result.title = narratives.title.map((n) => ({ lang: n.lang, text: n.text }));
  if (narratives?.description?.length)
    result.description = narratives.description.map((n) => ({ lang: n.lang, text: n.text, type: n.type }));
  return result;
}

function canonicalRegion(region: RecipientRegionValue): RecipientRegionValue {
  return {
    code: region.code,
    vocabulary: region.vocabulary,
    vocabularyUri: region.vocabularyUri ?? null,
    percentage: region.percentage ?? null,
  };
}
