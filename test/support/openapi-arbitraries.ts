// Generated requests from the OpenAPI document: values that mostly fit each schema, with hostile ones mixed in.
import fc from 'fast-check';

/** The part of JSON Schema (2020-12, as the OpenAPI 3.1 document emits it) the generator reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

/*
 * Values that have broken servers like this one: NUL and lone surrogates in text, integers past
 * PostgreSQL's `integer` and JavaScript's exact range, dates in year 0 or that do not exist,
 * numbers written as text, wrong types, prototype keys, and text made to look like SQL or paths.
 */
const HOSTILE_TEXT = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '',
  ' ',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+01:00',
  '9999-12-31T23:59:59-14:00',
  '2026-02-30',
  '2026-13-01',
  '99999-01-01',
  '9007199254740991',
  '-9007199254740992',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  "' or 1=1 --",
  '"; drop table activities; --',
  '../../etc/passwd',
  '%00',
  '%',
  '{{7*7}}',
  '__proto__',
  'x'.repeat(5000),
  'ﷺ'.repeat(300),
];
const HOSTILE_NUMBERS = [
  9007199254740991,
  -9007199254740991,
  1e15,
  -1e15,
  2147483648,
  -2147483649,
  1e308,
  -1e308,
  0.5,
  -1,
  0,
  Number.MIN_VALUE,
];

export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  );

export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileText() },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { __proto__: null }),
    },
    { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{}}')) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );

export type Pools = {
  /** Ids that exist, so that some requests reach the database instead of stopping at a 404. */
  ids: string[];
};

/**
 * A value for the schema: mostly one that fits, sometimes (and at every depth) a hostile one. With
 * `hostile: false` every part fits the schema, so that the request passes validation and reaches the
 * route's own code (and the database) as far as the schema alone can say what is valid.
 */
export function valueFor(schema: JsonSchema, pools: Pools, depth = 0, hostile = true): fc.Arbitrary<unknown> {
  if (!hostile) return fitting(schema, pools, depth, false);
  return fc.oneof(
    { weight: 5, arbitrary: fitting(schema, pools, depth, true) },
    { weight: 1, arbitrary: hostileValue() },
  );
}

function fitting(schema: JsonSchema, pools: Pools, depth: number, hostile: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((alt) => valueFor(alt, pools, depth, hostile)));
  if (schema.allOf?.[0]) return fitting(schema.allOf[0], pools, depth, hostile);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectFor(schema, pools, depth, hostile);
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(valueFor(schema.items ?? {}, pools, depth + 1, hostile), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
          });
    case 'string':
      return stringFor(schema, pools);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostile ? hostileValue() : fc.constant(null);
  }
}

function objectFor(schema: JsonSchema, pools: Pools, depth: number, hostile: boolean): fc.Arbitrary<unknown> {
  if (depth > 4 || !schema.properties)
    return hostile ? fc.dictionary(fc.string({ maxLength: 8 }), hostileValue()) : fc.constant({});
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => [
      key,
      valueFor(property, pools, depth + 1, hostile),
    ]),
  );
  const known = fc.record(properties, { requiredKeys: schema.required ?? [] });
  if (!hostile) return known;
  const stray = fc.dictionary(fc.constantFrom('extra', 'id', 'isAdmin', 'version'), hostileValue(), {
    maxKeys: 1,
  });
  // A stray key now and then checks that strict objects refuse it rather than crash.
  return fc.oneof(
    { weight: 6, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, stray).map(([a, b]) => ({ ...(a as object), ...b })) },
  );
}

const COUNTRIES = ['KEN', 'UGA', 'BRA', 'NPL', 'SAU', 'ZZZ'];

function stringFor(schema: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...pools.ids), fc.uuid());
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern === '^[A-Z]{3}$') return fc.constantFrom(...COUNTRIES);
  if (schema.pattern && /^\^\\d\{3\}\$$/.test(schema.pattern)) return fc.constantFrom('404', '002', '999');
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

/** A query-string value as a client would type it: the fitting value's text, or hostile text. */
export function queryValueFor(schema: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fitting(schema, pools, 0, true).map(queryText) },
    { weight: 2, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS).map(String) },
  );
}

function queryText(value: unknown): string {
  if (Array.isArray(value)) return value.map(queryText).join(',');
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
