// A cross-border referral between two installations, each with its own database and keys: the sender
// seals the referral to the partner, the partner imports it as a case once, and a package altered on the
// way, made for someone else or signed by a stranger is refused with nothing written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Invented person. */
const PERSON = {
  names: [{ kind: 'name', value: 'Ilvana Crosswater' }],
  dateOfBirth: '1999-09-09',
  contacts: [{ kind: 'phone', value: '+99 555 0123 4567' }],
  identityDocuments: [{ kind: 'passport', number: 'RT5512009' }],
  addresses: [{ text: '3 Invented Road, Elsewhere' }],
};

type Installation = { t: TestApp; worker: Session; coordinator: Session };

describe.each(TEST_ENGINES)('cross-border packages on $name', (engine) => {
  let origin: Installation;
  let destination: Installation;

  async function install(): Promise<Installation> {
    const t = await startTestApp(engine, { ownInstallation: true });
    return {
      t,
      worker: await t.signInAs(demoEmail('case_worker')),
      coordinator: await t.signInAs(demoEmail('coordinator')),
    };
  }

  async function introduce(to: Installation, partner: Installation, name: string) {
    const keys = (await partner.t.as(partner.worker, 'GET', '/api/v1/exchange/identity')).json().data;
    const reply = await to.t.as(to.coordinator, 'POST', '/api/v1/exchange/partners', {
      name,
      country: 'NPL',
      signingPublicKey: keys.signingPublicKey,
      agreementPublicKey: keys.agreementPublicKey,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().data.fingerprint).toBe(keys.fingerprint);
    return reply.json().data.id as string;
  }

  beforeAll(async () => {
    origin = await install();
    destination = await install();
    await introduce(destination, origin, 'Origin country referral mechanism');
  });
  afterAll(async () => {
    await origin?.t.close();
    await destination?.t.close();
  });

  async function sealedReferral(partnerId: string, service = 'repatriation') {
    const { t, worker } = origin;
    const shelter = t.organisationIds.shelter;
    const legal = t.organisationIds.legal;
    const opened = await t.as(worker, 'POST', '/api/v1/cases', {
      organisationId: shelter,
      facts: {
        sex: 'female',
        citizenship: 'NPL',
        exploitationCountries: ['IND'],
        formsOfExploitation: ['forced_labour'],
      },
      person: PERSON,
    });
    const caseId = opened.json().data.id as string;
    await t.as(worker, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision: 'given',
    });
    const referral = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/referrals`, {
      toOrganisationId: legal,
      service,
      crossBorder: true,
      stage: 'return_and_social_inclusion',
    });
    expect(referral.statusCode, referral.body).toBe(201);
    const sealed = await t.as(worker, 'POST', `/api/v1/referrals/${referral.json().data.id}/package`, {
      partnerId,
    });
    expect(sealed.statusCode, sealed.body).toBe(200);
    return { caseId, code: opened.json().data.code as string, file: sealed.json() };
  }

  const receive = (file: unknown) =>
    destination.t.as(
      destination.worker,
      'POST',
      `/api/v1/exchange/packages?organisationId=${destination.t.organisationIds.shelter}`,
      file,
    );

  it('carries a referral to the partner installation, which receives it once as a case', async () => {
    const partnerId = await introduce(origin, destination, 'Destination country referral mechanism');
    const { code, file } = await sealedReferral(partnerId);
    expect(JSON.stringify(file)).not.toContain('Crosswater');
    const received = await receive(file);
    expect(received.statusCode, received.body).toBe(201);
    const data = received.json().data;
    expect(data).toMatchObject({
      senderCaseCode: code,
      service: 'repatriation',
      stage: 'return_and_social_inclusion',
    });
    const person = await destination.t.as(destination.worker, 'GET', `/api/v1/cases/${data.case.id}/person`);
    // Repatriation needs names, date of birth, documents and addresses, not contacts.
    expect(Object.keys(person.json().data.person).sort()).toEqual([
      'addresses',
      'dateOfBirth',
      'identityDocuments',
      'names',
    ]);
    expect(person.json().data.person.names[0].value).toBe('Ilvana Crosswater');
    expect(data.case.facts).toMatchObject({ citizenship: 'NPL', exploitationCountries: ['IND'] });

    const again = await receive(file);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(data.case.code);
  });

  it('refuses an altered package, one made for another installation, and one from a stranger, writing nothing', async () => {
    const partnerId = (await origin.t.as(origin.worker, 'GET', '/api/v1/exchange/partners')).json().data[0]
      .id;
    const { file } = await sealedReferral(partnerId, 'legal_aid');
    const count = async () =>
      (await rowsOf<{ n: number }>(destination.t.database.db, sql`select count(*)::int as n from cases`))[0]
        ?.n;
    const before = await count();

    const altered = structuredClone(file);
    altered.ciphertext = `${altered.ciphertext.slice(0, -8)}AAAAAAA=`;
    const tampered = await receive(altered);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().detail).toContain('signature');

    const elsewhere = structuredClone(file);
    elsewhere.header.to = '0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000';
    expect((await receive(elsewhere)).json().detail).toContain('another installation');

    const stranger = await install();
    const strangerPartner = await introduce(stranger, destination, 'Unknown sender');
    const strangerCase = await stranger.t.as(stranger.worker, 'POST', '/api/v1/cases', {
      organisationId: stranger.t.organisationIds.shelter,
      person: PERSON,
    });
    const strangerCaseId = strangerCase.json().data.id;
    await stranger.t.as(stranger.worker, 'POST', `/api/v1/cases/${strangerCaseId}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: stranger.t.organisationIds.legal,
      decision: 'given',
    });
    const strangerReferral = await stranger.t.as(
      stranger.worker,
      'POST',
      `/api/v1/cases/${strangerCaseId}/referrals`,
      {
        toOrganisationId: stranger.t.organisationIds.legal,
        service: 'legal_aid',
        crossBorder: true,
      },
    );
    const strangerFile = (
      await stranger.t.as(
        stranger.worker,
        'POST',
        `/api/v1/referrals/${strangerReferral.json().data.id}/package`,
        {
          partnerId: strangerPartner,
        },
      )
    ).json();
    await stranger.t.close();
    expect((await receive(strangerFile)).json().detail).toContain('not a registered partner');
    expect(await count()).toBe(before);
  });

  it('tracks a reflection and recovery period of at least thirty days', async () => {
    const { t, worker } = origin;
    const opened = await t.as(worker, 'POST', '/api/v1/cases', { organisationId: t.organisationIds.shelter });
    const id = opened.json().data.id;
    const tooShort = await t.as(worker, 'PATCH', `/api/v1/cases/${id}`, {
      version: 1,
      reflectionPeriod: { startsOn: '2026-11-01', endsOn: '2026-11-20' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('body.reflectionPeriod.endsOn');
    const set = await t.as(worker, 'PATCH', `/api/v1/cases/${id}`, {
      version: 1,
      reflectionPeriod: { startsOn: '2026-11-01' },
    });
    expect(set.json().data.reflectionPeriod).toMatchObject({ startsOn: '2026-11-01', endsOn: '2026-12-01' });
  });
});
