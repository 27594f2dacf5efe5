// The register of intermediaries under /api/v1/intermediaries: the public look-up ("is this agency
// licensed?") and one agency, open to everyone and signed-out readers; coordinators (and an issuing
// authority's editors, for the agencies it keeps) add and change agencies, licences, inspections, complaints
// and sanctions, and import a register file after a preview; case staff link a referral to the agency it
// names. Complaints are never listed by any route: the public sees them only as a risk sign's count.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { typed } from '../../platform/routes.js';
import { problemAsFieldError, type RegisterImport } from '../register/index.js';
import {
  AgencyParams,
  AgencyView,
  ComplaintRequest,
  CreateAgencyRequest,
  ImportPreview,
  ImportSummaryView,
  InspectionRequest,
  LicenceRequest,
  LookupRequest,
  LookupView,
  ReaderQuery,
  ReferralLinkRequest,
  RegisterFile,
  SanctionRequest,
  SaveOutcomeView,
  UpdateAgencyRequest,
} from './api-schemas.js';
import { importOptionsOf, readRegisterFile, saveImportedAgencies } from './import.js';
import { publicEntryFor, searchRegister } from './lookup.js';
import { agencyViewOf, languageOf, lookupViewOf, previewOf, problemViewOf } from './views.js';
import {
  addComplaint,
  addInspection,
  addSanction,
  createAgency,
  linkReferral,
  requireAgency,
  saveLicence,
  updateAgency,
} from './write.js';

const TAGS = ['intermediaries'];
const BODY_LIMIT = 30 * 1024 * 1024;

const today = () => new Date().toISOString().slice(0, 10);

function userIdOf(request: FastifyRequest): string | null {
  return request.principal.kind === 'user' ? request.principal.userId : null;
}

const agencySubject = (id: string, organisationId: string | null, details: Record<string, unknown> = {}) => ({
  resourceType: 'intermediary_agency',
  resourceId: id,
  organisationId,
  details,
});

export async function intermediaryRoutes(app: FastifyInstance) {
  const api = typed(app);

  /** Asks the policy again with the organisation keeping the agency (null: coordinators and admins only). */
  async function authorizeKeeper(request: FastifyRequest, id: string) {
    const { keeperOrganisationId } = await request.transaction((tx) => requireAgency(tx, id));
    request.authorize('intermediaries.write', { organisationId: keeperOrganisationId });
    return keeperOrganisationId;
  }

  async function agencyView(request: FastifyRequest, id: string, lang: LookupRequest['lang']) {
    const found = await request.transaction((tx) => publicEntryFor(tx, id, { asOf: today() }));
    if (!found) throw new AppError('not_found', 'There is no agency with this id in the register.');
    return agencyViewOf(found.entry, found.agency, languageOf(request, lang));
  }

  api.get(
    '/',
    {
      config: { action: 'intermediaries.read' },
      schema: {
        tags: TAGS,
        summary: 'Is this agency licensed? Look agencies up by name, licence number or country',
        description:
          'Answers whether the agency named is licensed today (licensed, lapsed, suspended, revoked, not found, or unknown with a note saying why and what to check), and a page of matching agencies best first, each with its licence standing, risk signs, last inspection and sanctions in force. Every sentence is given in the language asked for. Complaints and referrals appear only as counts from a minimum on, never as a list.',
        querystring: LookupRequest,
        response: { 200: z.object({ data: LookupView }) },
      },
    },
    async (request) => {
      const { name, licence, country, lang, offset, limit } = request.query;
      const query = { name, licenceNumber: licence, country };
      const search = await request.transaction((tx) =>
        searchRegister(tx, query, { asOf: today(), offset, limit }),
      );
      return { data: lookupViewOf(search, { offset, limit, language: languageOf(request, lang) }) };
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'intermediaries.read' },
      schema: {
        tags: TAGS,
        summary:
          'One agency as the public sees it: standing, risk signs, last inspection, sanctions in force',
        params: AgencyParams,
        querystring: ReaderQuery,
        response: { 200: z.object({ data: AgencyView }) },
      },
    },
    async (request) => ({ data: await agencyView(request, request.params.id, request.query.lang) }),
  );

  api.post(
    '/',
    {
      config: { action: 'intermediaries.write' },
      schema: {
        tags: TAGS,
        summary: 'Add an agency to the register, with its licences',
        description:
          'Coordinators add any agency; the editors of an issuing authority’s organisation add agencies that organisation keeps (keeperOrganisationId).',
        body: CreateAgencyRequest,
        response: { 201: z.object({ data: AgencyView }) },
      },
    },
    async (request, reply) => {
      const { licences, ...agency } = request.body;
      request.authorize('intermediaries.write', { organisationId: agency.keeperOrganisationId });
      const id = await request.transaction(async (tx) => {
        const created = await createAgency(tx, agency, userIdOf(request));
        for (const licence of licences) await saveLicence(tx, created, licence);
        request.auditSubject = agencySubject(created, agency.keeperOrganisationId, {
          licences: licences.length,
        });
        return created;
      });
      return reply.status(201).send({ data: await agencyView(request, id, undefined) });
    },
  );

  api.put(
    '/:id',
    {
      config: { action: 'intermediaries.write' },
      schema: {
        tags: TAGS,
        summary: 'Change an agency’s name, other names, kind, country, address or registration number',
        description:
          'Give the version read; a change made in the meantime answers 409 and nothing is written.',
        params: AgencyParams,
        body: UpdateAgencyRequest,
        response: { 200: z.object({ data: AgencyView }) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const keeper = await authorizeKeeper(request, id);
      const { version, ...agency } = request.body;
      if (agency.keeperOrganisationId !== keeper)
        request.authorize('intermediaries.write', { organisationId: agency.keeperOrganisationId });
      await request.transaction(async (tx) => {
        await updateAgency(tx, id, agency, version);
        request.auditSubject = agencySubject(id, agency.keeperOrganisationId, { change: 'agency' });
      });
      return { data: await agencyView(request, id, undefined) };
    },
  );

  const recordRoute = <T extends z.ZodType>(
    path: string,
    summary: string,
    body: T,
    save: (tx: Transaction, id: string, value: z.infer<T>, userId: string | null) => Promise<unknown>,
  ) =>
    api.post(
      `/:id/${path}`,
      {
        config: { action: 'intermediaries.write' },
        schema: {
          tags: TAGS,
          summary,
          params: AgencyParams,
          body,
          response: { 201: z.object({ data: AgencyView }) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const keeper = await authorizeKeeper(request, id);
        await request.transaction(async (tx) => {
          await save(tx, id, request.body as z.infer<T>, userIdOf(request));
          request.auditSubject = agencySubject(id, keeper, { recorded: path });
        });
        return reply.status(201).send({ data: await agencyView(request, id, undefined) });
      },
    );

  api.put(
    '/:id/licences',
    {
      config: { action: 'intermediaries.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a licence, or its new status and dates (a licence is its number from its authority)',
        params: AgencyParams,
        body: LicenceRequest,
        response: { 200: z.object({ data: SaveOutcomeView }) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const keeper = await authorizeKeeper(request, id);
      const outcome = await request.transaction(async (tx) => {
        const saved = await saveLicence(tx, id, request.body);
        request.auditSubject = agencySubject(id, keeper, { recorded: 'licence', outcome: saved });
        return saved;
      });
      return { data: { outcome } };
    },
  );

  recordRoute(
    'inspections',
    'Record an inspection of the agency: its date, outcome and authority',
    InspectionRequest,
    addInspection,
  );
  recordRoute(
    'complaints',
    'Record a complaint about the agency: the day received, its category and where it stands (no text, ever)',
    ComplaintRequest,
    addComplaint,
  );
  recordRoute(
    'sanctions',
    'Record a sanction the authorities imposed on the agency',
    SanctionRequest,
    addSanction,
  );

  api.post(
    '/:id/referral-links',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags: TAGS,
        summary: 'Name the agency that recruited the person a referral is about',
        description:
          'Seen only by those who see the referral; the public sees how many referrals name the agency only from a minimum on, as "at least" a round number.',
        params: AgencyParams,
        body: ReferralLinkRequest,
        response: { 201: z.object({ data: z.object({ linked: z.literal(true) }) }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await request.transaction(async (tx) => {
        await linkReferral(tx, request.body.referralId, id, userIdOf(request));
        request.auditSubject = {
          resourceType: 'referral',
          resourceId: request.body.referralId,
          details: { agency: id },
        };
      });
      return reply.status(201).send({ data: { linked: true as const } });
    },
  );

  api.post(
    '/imports/preview',
    {
      config: { action: 'intermediaries.import' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Read a register file (CSV or XLSX) and show what it holds, writing nothing',
        description:
          'The agencies found with their licences, every problem (row, column, what is wrong, how to fix it) and every note (title rows, unknown columns, repeated licences set aside).',
        body: RegisterFile,
        response: { 200: z.object({ data: ImportPreview }) },
      },
    },
    async (request) => {
      const imported = await readFileOf(request.body);
      return { data: previewOf(request.body.fileName, imported, today()) };
    },
  );

  api.post(
    '/imports',
    {
      config: { action: 'intermediaries.import' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Import a register file (CSV or XLSX), all or nothing',
        description:
          'A file with any problem answers 422 with each problem where it is, and nothing is written. Agencies are matched to those on record by registration number, licence number or name: importing the same file again changes nothing.',
        body: RegisterFile,
        response: { 200: z.object({ data: ImportSummaryView }) },
      },
    },
    async (request) => {
      const file = request.body;
      request.authorize('intermediaries.import', { organisationId: file.keeperOrganisationId });
      const imported = await readFileOf(file);
      if (imported.problems.length > 0)
        throw new AppError(
          'register_import_rejected',
          `“${file.fileName}” has ${imported.problems.length} problem(s); nothing was imported. Fix each one where it says, then import the file again.`,
          imported.problems.map(problemAsFieldError),
        );
      const summary = await request.transaction(async (tx) => {
        const saved = await saveImportedAgencies(tx, imported.agencies, {
          userId: userIdOf(request),
          keeperOrganisationId: file.keeperOrganisationId,
        });
        request.auditSubject = {
          resourceType: 'intermediary_import',
          resourceId: null,
          organisationId: file.keeperOrganisationId,
          details: { fileName: file.fileName, agencies: saved.agencies, licences: saved.licences },
        };
        return saved;
      });
      return { data: { fileName: file.fileName, ...summary, notes: imported.notes.map(problemViewOf) } };
    },
  );
}

function readFileOf(file: RegisterFile): Promise<RegisterImport> {
  const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
  return readRegisterFile(file.format, bytes, importOptionsOf(file, today()));
}
