// The job-offer check through its API and its server-rendered pages, on both databases: each warning sign
// gives its flag, explained with what to do, in English, Arabic and Russian; a clean offer gives none; nothing
// is stored unless the person sends a report, and a report holds no way to reach its sender.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_ACTOR, asRequester } from '../../src/access/context.js';
import { rowsOf } from '../../src/platform/db.js';
import { html } from '../../src/prevention/offer-check/page/render.js';
import type { OfferCheckResult } from '../../src/prevention/offer-check/result-schemas.js';
import type { OfferAnswers } from '../../src/prevention/offer-check/schemas.js';
import { OFFER_TEXTS } from '../../src/prevention/offer-check/texts.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { assertNoServerError, describeApi, writeRoutes } from '../support/generated-requests.js';
import { CLEAN_OFFER, exampleRegisterSource, formFieldsOf, SIGNED_OFFERS } from './offer-check.fixtures.js';

const LANGUAGES = ['en', 'ar', 'ru'] as const;

describe.each(TEST_ENGINES)('the job-offer check on $name', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(engine, { offerCheckRegister: exampleRegisterSource });
  });
  afterAll(() => t?.close());

  const check = async (answers: OfferAnswers, language: string) => {
    const reply = await t.as(null, 'POST', '/api/v1/offer-check', { language, answers });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as { result: OfferCheckResult; checklist: { id: string; text: string }[] };
  };

  const postForm = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  const countRows = async (table: string) => {
    const [row] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    return row?.n ?? 0;
  };

  it.each(LANGUAGES)(
    'finds no warning sign in a clean offer through a licensed agency (%s)',
    async (language) => {
      const { result, checklist } = await check(CLEAN_OFFER, language);
      expect(result.flags).toEqual([]);
      // The destination's minimum wage is known (the demo directory's example), so the pay was compared.
      expect(result.findOut.map((finding) => finding.id)).not.toContain('find_minimum_wage');
      expect(result.summary.verdict).not.toBe('serious');
      expect(checklist.length).toBeGreaterThan(5);
    },
  );

  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(SIGNED_OFFERS)('flags $sign, explained with what to do', async ({ change, flag }) => {
      const { result } = await check({ ...CLEAN_OFFER, ...change }, language);
      expect(result.flags.map((found) => found.id)).toEqual([flag]);
      const [finding] = result.flags;
      const texts = OFFER_TEXTS.findings[flag];
      expect(finding?.title).toBe(texts.title[language]);
      expect(finding?.whatToDo).toBe(texts.whatToDo[language]);
      expect(finding?.explanation.length).toBeGreaterThan(20);
    });

    it.each(SIGNED_OFFERS)(
      'shows $sign on the server-rendered result page, in the language and its direction',
      async ({ change, flag }) => {
        const reply = await postForm(`/check?lang=${language}`, formFieldsOf({ ...CLEAN_OFFER, ...change }));
        expect(reply.statusCode, reply.body).toBe(200);
        expect(reply.headers['content-type']).toContain('text/html');
        expect(reply.body).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
        expect(reply.body).toContain(html(OFFER_TEXTS.findings[flag].title[language]));
        expect(reply.body).toContain(html(OFFER_TEXTS.findings[flag].whatToDo[language]));
        expect(reply.body.match(/<li class="finding (serious|warning)">/g)).toHaveLength(1);
      },
    );

    it('shows no warning sign for the clean offer on the server-rendered page', async () => {
      const reply = await postForm(`/check?lang=${language}`, formFieldsOf(CLEAN_OFFER));
      expect(reply.statusCode, reply.body).toBe(200);
      expect(reply.body).not.toMatch(/<li class="finding (serious|warning)">/);
      expect(reply.body).toContain(html(OFFER_TEXTS.summary.headline.none[language]));
    });
  });

  it('asks the stored register: a licensed agency passes, a lapsed one is flagged, an uncovered country is to find out', async () => {
    const other = await startTestApp(engine);
    const checkWithStoredRegister = async (answers: OfferAnswers) => {
      const reply = await other.as(null, 'POST', '/api/v1/offer-check', { language: 'en', answers });
      expect(reply.statusCode, reply.body).toBe(200);
      const { result } = reply.json().data as { result: OfferCheckResult };
      return { flags: result.flags.map((f) => f.id), findOut: result.findOut.map((f) => f.id) };
    };
    try {
      // The demo register holds invented Kenyan agencies; the clean offer's agency is in a country it does not cover.
      const uncovered = await checkWithStoredRegister(CLEAN_OFFER);
      expect(uncovered.flags).toEqual([]);
      expect(uncovered.findOut).toContain('check_agency_licence');
      const kenyan = { ...CLEAN_OFFER, citizenship_country: 'KEN' };
      const licensed = await checkWithStoredRegister({
        ...kenyan,
        agency_name: 'Bluebird Careers Abroad Ltd (demo)',
        agency_licence_number: 'DEMO-LB-001',
      });
      expect(licensed.flags).toEqual([]);
      expect(licensed.findOut).not.toContain('check_agency_licence');
      const lapsed = await checkWithStoredRegister({
        ...kenyan,
        agency_name: 'Lantern Overseas Placement (demo)',
        agency_licence_number: 'DEMO-LB-002',
      });
      expect(lapsed.flags).toEqual(['agency_unlicensed']);
    } finally {
      await other.close();
    }
  });

  it('gives the destination’s contacts, marked as examples while they are the demo’s', async () => {
    const { result } = await check(CLEAN_OFFER, 'en');
    expect(result.contacts.country).toBe('GBR');
    expect(result.contacts.isDemo).toBe(true);
    expect(result.contacts.demoNotice).toBeTruthy();
    expect(result.contacts.contacts.filter((contact) => contact.kind === 'embassy')).toHaveLength(1);
    expect(result.contacts.fallback.length).toBeGreaterThan(0);
  });

  it('serves the questionnaire in the language asked for, and the form in the browser’s language', async () => {
    const reply = await t.as(null, 'GET', '/api/v1/offer-check/questionnaire?lang=ru');
    expect(reply.statusCode).toBe(200);
    const questionnaire = reply.json().data;
    expect(questionnaire.language).toBe('ru');
    expect(questionnaire.questions[0].text).toBe(OFFER_TEXTS.questions.destination_country.text.ru);
    const page = await t.app.inject({
      method: 'GET',
      url: '/check',
      headers: { 'accept-language': 'ar;q=0.9, xx' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain(html(OFFER_TEXTS.questions.fee_charged.text.ar));
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers a file the check does not have with a 404 problem, not the web app’s page', async () => {
    const reply = await t.app.inject({ method: 'GET', url: '/check/assets/missing.js' });
    expect(reply.statusCode).toBe(404);
    expect(reply.headers['content-type']).toContain('application/problem+json');
  });

  it('asks again, keeping the answers, when a form field cannot be read', async () => {
    const reply = await postForm('/check?lang=en', { ...formFieldsOf(CLEAN_OFFER), work_days_per_week: '9' });
    expect(reply.statusCode).toBe(400);
    expect(reply.body).toContain('role="alert"');
    expect(reply.body).toContain('value="Atlas Recruitment Ltd"');
  });

  it('gives a printable checklist, general or for the offer', async () => {
    const general = await t.app.inject({ method: 'GET', url: '/check/checklist?lang=en' });
    expect(general.statusCode).toBe(200);
    expect(general.body).toContain(html(OFFER_TEXTS.checklist.keep_passport.en));
    const tailored = await postForm(
      '/check/checklist?lang=en',
      formFieldsOf({ ...CLEAN_OFFER, debt_or_advance: 'yes' }),
    );
    expect(tailored.statusCode).toBe(200);
    expect(tailored.body).toContain(html(OFFER_TEXTS.checklist.no_debt_for_work.en));
    expect(general.body).not.toContain(html(OFFER_TEXTS.checklist.no_debt_for_work.en));
  });

  it('stores nothing and audits nothing for a check, through the API or the form', async () => {
    const before = {
      reports: await countRows('offer_check_reports'),
      audit: await countRows('audit_entries'),
    };
    await check({ ...CLEAN_OFFER, fee_charged: 'yes' }, 'en');
    await postForm('/check?lang=en', formFieldsOf({ ...CLEAN_OFFER, fee_charged: 'yes' }));
    await postForm('/check/checklist?lang=en', formFieldsOf(CLEAN_OFFER));
    await t.as(null, 'POST', '/api/v1/offer-check', { language: 'en', answers: { fee_charged: 'maybe' } });
    expect({
      reports: await countRows('offer_check_reports'),
      audit: await countRows('audit_entries'),
    }).toEqual(before);
  });

  it('stores a report only when the person sends one, without any way to reach them', async () => {
    const before = await countRows('offer_check_reports');
    const audit = await countRows('audit_entries');
    const fields = formFieldsOf({ ...CLEAN_OFFER, fee_charged: 'yes' });
    const page = await postForm('/check/report?lang=en', { ...fields, sector: 'construction' });
    expect(page.statusCode, page.body).toBe(201);
    const sent = await t.as(null, 'POST', '/api/v1/offer-check/reports', {
      language: 'ar',
      destinationCountry: 'GBR',
      flags: ['documents_retained'],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const withName = await t.as(null, 'POST', '/api/v1/offer-check/reports', {
      language: 'en',
      flags: [],
      name: 'Invented Person',
    });
    expect(withName.statusCode).toBe(400);
    expect(await countRows('offer_check_reports')).toBe(before + 2);
    expect(await countRows('audit_entries')).toBe(audit);
    const [stored] = await rowsOf<Record<string, unknown>>(
      t.database.db,
      sql`select * from offer_check_reports where sector = 'construction'`,
    );
    expect(Object.keys(stored ?? {}).sort()).toEqual(
      [
        'agency_licence_number',
        'agency_name',
        'destination_country',
        'flags',
        'id',
        'language',
        'reported_on',
        'sector',
      ].sort(),
    );
    expect(stored?.flags).toEqual(['recruitment_fee']);
  });

  it('lets coordinators read the reports as counts, and nobody anonymous', async () => {
    await t.as(null, 'POST', '/api/v1/offer-check/reports', {
      language: 'en',
      destinationCountry: 'USA',
      flags: ['job_changed'],
    });
    const coordinator = await t.signInAs(demoEmail('coordinator'));
    const reply = await t.as(coordinator, 'GET', '/api/v1/offer-check/reports/counts');
    expect(reply.statusCode, reply.body).toBe(200);
    const counts = reply.json().data;
    expect(counts.total).toBeGreaterThan(0);
    expect(counts.byFlag).toContainEqual({ flag: 'job_changed', count: expect.any(Number) });
    expect((await t.as(null, 'GET', '/api/v1/offer-check/reports/counts')).statusCode).toBe(401);
  });

  it('lets an anonymous requester send a report but not read any back, whatever the database', async () => {
    expect(await countRows('offer_check_reports')).toBeGreaterThan(0);
    const seen = await asRequester(t.database, ANONYMOUS_ACTOR, (tx) =>
      rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from offer_check_reports`),
    );
    expect(seen[0]?.n).toBe(0);
  });

  it('answers generated bodies to its write routes with a problem, never a 5xx nor silence', async () => {
    const { routes, pools } = await describeApi(t);
    const mine = writeRoutes(routes).filter((route) => route.path.startsWith('/api/v1/offer-check'));
    expect(mine.map((route) => route.path.replace(/\/$/, '')).sort()).toEqual([
      '/api/v1/offer-check',
      '/api/v1/offer-check/reports',
    ]);
    for (const route of mine) await assertNoServerError(t, null, route, pools, 150);
  }, 120_000);
});
