// The check's public pages, rendered on the server so that they work without JavaScript: /check (the
// questionnaire as a plain form), its result, /check/checklist (printable), the anonymous report, and the
// files that make the check work offline once loaded (a script per language and a service worker).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import { buildCountryList } from '../../../reference/countries.js';
import type { Language } from '../../../reference/schemas.js';
import { buildChecklist } from '../checklist.js';
import { answersFromForm, type FormFields } from '../page/form-answers.js';
import { SECTORS, type Sector } from '../page/page-texts.js';
import {
  type CountryOption,
  checklistPage,
  formPage,
  pageLanguage,
  reportThanksPage,
  resultPage,
} from '../page/render.js';
import { questionnaireOf } from '../questions.js';
import { OfferAnswers } from '../schemas.js';
import { sendOfferReportAnonymously } from './reports.js';
import { type OfferCheckSources, runOfferCheck } from './service.js';

export type OfferCheckPageOptions = { sources: OfferCheckSources; assetsDir: string };

const FORM_BODY_LIMIT = 32_768;

const countryOptions = new Map<Language, CountryOption[]>();

/** Every country by its name in the language, in that language's order. */
function countriesIn(language: Language): CountryOption[] {
  const known = countryOptions.get(language);
  if (known) return known;
  const collator = new Intl.Collator(language);
  const options = buildCountryList()
    .map((country) => ({ code: country.iso3, name: country.names[language] || country.iso3 }))
    .sort((a, b) => collator.compare(a.name, b.name));
  countryOptions.set(language, options);
  return options;
}

function languageOf(request: FastifyRequest): Language {
  const query = request.query as { lang?: unknown } | undefined;
  return pageLanguage(query?.lang, request.headers['accept-language']);
}

type Encoded = { identity: Buffer; gzip: Buffer; br: Buffer };

function encode(body: string | Buffer): Encoded {
  const identity = typeof body === 'string' ? Buffer.from(body) : body;
  return { identity, gzip: gzipSync(identity), br: brotliCompressSync(identity) };
}

/** Compressed when the browser takes it: a slow phone line pays for every byte. */
function sendEncoded(request: FastifyRequest, reply: FastifyReply, encoded: Encoded, type: string) {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  reply.header('content-type', type).header('vary', 'Accept-Encoding, Accept-Language');
  if (!encoding) return reply.send(encoded.identity);
  return reply.header('content-encoding', encoding).send(encoded[encoding]);
}

function sendPage(request: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  // Pages are made anew for each request (they may hold the person's answers): never kept by a shared cache.
  reply.status(status).header('cache-control', 'no-store');
  return sendEncoded(request, reply, encode(html), 'text/html; charset=utf-8');
}

/** The form's fields; an empty form when there was no body (other media types were refused already). */
function fieldsOf(request: FastifyRequest): FormFields {
  return (request.body ?? {}) as FormFields;
}

/** The answers, or null when a field could not be read and the form is shown again. */
type Checked = { fields: FormFields; answers: OfferAnswers | null };

function readForm(request: FastifyRequest): Checked {
  const fields = fieldsOf(request);
  const { answers, unreadable } = answersFromForm(fields);
  const parsed = OfferAnswers.safeParse(answers);
  return unreadable.length === 0 && parsed.success
    ? { fields, answers: parsed.data }
    : { fields, answers: null };
}

function formAgain(request: FastifyRequest, reply: FastifyReply, language: Language, fields: FormFields) {
  const html = formPage({
    questionnaire: questionnaireOf(language),
    countries: countriesIn(language),
    fields,
    hasUnreadable: true,
  });
  return sendPage(request, reply, html, 400);
}

function sectorOf(fields: FormFields): Sector | undefined {
  return SECTORS.find((sector) => sector === fields.sector);
}

export async function offerCheckPages(app: FastifyInstance, options: OfferCheckPageOptions) {
  const { sources } = options;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.get('/check', async (request, reply) => {
    const language = languageOf(request);
    const html = formPage({ questionnaire: questionnaireOf(language), countries: countriesIn(language) });
    return sendPage(request, reply, html);
  });

  app.post('/check', async (request, reply) => {
    const language = languageOf(request);
    const { fields, answers } = readForm(request);
    if (!answers) return formAgain(request, reply, language, fields);
    const { result } = await runOfferCheck(answers, language, sources);
    return sendPage(request, reply, resultPage({ language, result, fields }));
  });

  app.get('/check/checklist', async (request, reply) => {
    const language = languageOf(request);
    const items = buildChecklist({}, [], language);
    return sendPage(request, reply, checklistPage({ language, items, isGeneral: true }));
  });

  app.post('/check/checklist', async (request, reply) => {
    const language = languageOf(request);
    const { fields, answers } = readForm(request);
    if (!answers) return formAgain(request, reply, language, fields);
    const { checklist } = await runOfferCheck(answers, language, sources);
    return sendPage(request, reply, checklistPage({ language, items: checklist, isGeneral: false }));
  });

  app.post('/check/report', async (request, reply) => {
    const language = languageOf(request);
    const { fields, answers } = readForm(request);
    if (!answers) return formAgain(request, reply, language, fields);
    const { result } = await runOfferCheck(answers, language, sources);
    const destination = answers.destination_country;
    await sendOfferReportAnonymously(request.server.database, {
      language,
      ...(answers.agency_name ? { agencyName: answers.agency_name } : {}),
      ...(answers.agency_licence_number ? { agencyLicenceNumber: answers.agency_licence_number } : {}),
      ...(destination && destination !== 'unknown' ? { destinationCountry: destination } : {}),
      ...(sectorOf(fields) ? { sector: sectorOf(fields) } : {}),
      flags: result.flags.map((flag) => flag.id),
    });
    return sendPage(request, reply, reportThanksPage(language), 201);
  });

  /** The directory the server shows, for the check to use offline; public help lines, nothing about anyone. */
  app.get('/check/contacts.json', async (request, reply) => {
    reply.header('cache-control', 'no-cache');
    const directory = await sources.contacts();
    return sendEncoded(request, reply, encode(JSON.stringify(directory)), 'application/json; charset=utf-8');
  });

  const assets = assetReader(options.assetsDir);
  app.get('/check/assets/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const asset = await assets(file);
    if (!asset) throw missingAsset(file);
    reply.header('cache-control', 'no-cache');
    return sendEncoded(request, reply, asset.encoded, asset.type);
  });

  app.get('/check-sw.js', async (request, reply) => {
    const asset = await assets('sw.js');
    if (!asset) throw missingAsset('sw.js');
    reply.header('cache-control', 'no-cache');
    return sendEncoded(request, reply, asset.encoded, asset.type);
  });
}

/** A 404 of its own: the web app's fallback would answer a missing script with its HTML page. */
function missingAsset(file: string): AppError {
  return new AppError(
    'not_found',
    `The offer check has no file ${file}; build it with \`npm run build:check\`.`,
  );
}

const ASSET_NAME = /^(check\.(ar|zh|en|fr|ru|es)\.js|check\.css|sw\.js)$/;

/** The built files, read and compressed once; only the names the build makes are ever looked up. */
function assetReader(dir: string) {
  const cache = new Map<string, Promise<{ encoded: Encoded; type: string } | null>>();
  return (file: string) => {
    if (!ASSET_NAME.test(file)) return Promise.resolve(null);
    let found = cache.get(file);
    if (!found) {
      found = readFile(path.join(dir, file)).then(
        (content) => ({
          encoded: encode(content),
          type: file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
        }),
        () => null,
      );
      cache.set(file, found);
    }
    return found;
  };
}
