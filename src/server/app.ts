// Assembles the Fastify application from the platform plugins and the capabilities' routes.
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRoutes } from '../access/account-routes.js';
import { answerCache } from '../access/answer-cache.js';
import { authRoutes } from '../access/auth-routes.js';
import { breakGlassRoutes } from '../access/break-glass-routes.js';
import { ANONYMOUS_ACTOR, asRequester } from '../access/context.js';
import { dataVersions } from '../access/data-version.js';
import { invitationRoutes } from '../access/invitation-routes.js';
import { memberRoutes } from '../access/member-routes.js';
import { accessControl } from '../access/plugin.js';
import { isAction } from '../access/policy.js';
import { activityRoutes } from '../activities/routes.js';
import { auditCheckpointSchedule } from '../audit/checkpoint-schedule.js';
import { auditRoutes } from '../audit/routes.js';
import { exchangeRoutes } from '../cases/exchange/routes.js';
import { caseExportRoutes } from '../cases/export-routes.js';
import { followUpRoutes } from '../cases/follow-up/routes.js';
import { KeyRing, recordInitialMasterKey } from '../cases/person/keyring.js';
import { personFileRoutes } from '../cases/person-file-routes.js';
import { referralRoutes } from '../cases/referral-routes.js';
import { caseRoutes } from '../cases/routes.js';
import { screeningRoutes } from '../cases/screening-routes.js';
import { commitmentRoutes } from '../commitments/routes.js';
import { FindingsRefresher } from '../coverage/refresher.js';
import { coverageRoutes } from '../coverage/routes.js';
import { importJobRoutes } from '../imports/routes.js';
import { knowledgeAttachmentRoutes } from '../knowledge/attachment-routes.js';
import { knowledgeRoutes } from '../knowledge/routes.js';
import { overviewRoutes } from '../overview/routes.js';
import { mechanismRoutes } from '../partners/mechanism-routes.js';
import { organisationRoutes } from '../partners/routes.js';
import { assistanceRoutes } from '../plans/assistance-routes.js';
import { indicatorRefresh } from '../plans/indicator-refresher.js';
import { planRoutes } from '../plans/routes.js';
import type { Config } from '../platform/config.js';
import { loadInstallationKey, Sealer } from '../platform/crypto.js';
import { DataChanges } from '../platform/data-changes.js';
import {
  checkOwnerRole,
  checkRequestRole,
  DatabaseRoleError,
  REQUEST_LOGIN_ROLE,
} from '../platform/database-roles.js';
import type { DatabaseHandle } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { httpErrors, sendProblem } from '../platform/http-errors.js';
import { loggerOptions } from '../platform/logger.js';
import { closePdfRenderer } from '../platform/pdf.js';
import { isExemptFromActionDeclaration } from '../platform/routes.js';
import {
  documentationCsp,
  securityHeaders,
  securityHeadersWithoutHooks,
} from '../platform/security-headers.js';
import { offerCheckPages } from '../prevention/offer-check/server/page-routes.js';
import { offerCheckRoutes } from '../prevention/offer-check/server/routes.js';
import {
  contactsSource,
  type OfferCheckSources,
  type RegisterSource,
  today,
} from '../prevention/offer-check/server/service.js';
import { registerLookupFor } from '../prevention/register-store/lookup.js';
import { intermediaryRoutes } from '../prevention/register-store/routes.js';
import { referenceRoutes } from '../reference/routes.js';
import { releaseRoutes } from '../releases/routes.js';
import { reportRoutes } from '../reports/routes.js';
import { serviceRoutes } from '../services/routes.js';
import { statisticsRoutes } from '../statistics/routes.js';
import { type UploadSettings, uploads } from '../uploads/plugin.js';
import { allowedMethodsFinder } from './allowed-methods.js';
import { healthRoutes } from './health-routes.js';
import { hasDemoDataset } from './seed.js';
import { webApp } from './web-app.js';

export type BuildAppOptions = {
  config: Config;
  database: DatabaseHandle;
  /** Close the database when the app closes (true for the server, false when tests share one). */
  ownsDatabase?: boolean;
  /** Serve the built web app from config.webDir when it exists. */
  serveWeb?: boolean;
  /** Sign audit checkpoints on the configured schedule (the server does; tests and tools need not). */
  signAuditCheckpoints?: boolean;
  /** Seals secrets at rest; by default keyed with ENCRYPTION_KEY or the key file under DATA_DIR. */
  sealer?: Sealer;
  /** The master keys of persons' data keys; by default ENCRYPTION_KEY or the key files under DATA_DIR. */
  keyRing?: KeyRing;
  /** Where log lines go (standard output by default); tests read them back to prove what they leave out. */
  logStream?: NodeJS.WritableStream;
  /** Import slots, reader budget and limits; the declared limits by default. */
  uploads?: UploadSettings;
  /**
   * Serve answers of the routes that opt in, and reuse session checks, while the data is unchanged
   * (true by default); false for tests and benchmarks of the path that asks the database every time.
   */
  keepAnswers?: boolean;
  /** Where the job-offer check asks whether an agency is licensed; by default the stored register, as the public. */
  offerCheckRegister?: RegisterSource;
};

export const API_PREFIX = '/api/v1';

/** One registered route, as the route-coverage test walks them. */
export type RouteSummary = { method: string; url: string; action: string | null };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteSummary[];
    keyRing: KeyRing;
    findingsRefresher: FindingsRefresher;
  }
}
export const BODY_LIMIT_BYTES = 1_048_576;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  await refuseRolesThatBypassSecurity(database);
  const app = Fastify({
    logger: options.logStream
      ? { ...loggerOptions(config.logLevel), stream: options.logStream }
      : loggerOptions(config.logLevel),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    frameworkErrors: frameworkError,
  });
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('dataChanges', new DataChanges());
  app.decorate('sealer', options.sealer ?? new Sealer(await loadInstallationKey(config)));
  const keyRing = options.keyRing ?? (await KeyRing.load(config));
  await recordInitialMasterKey(database.db, keyRing);
  app.decorate('keyRing', keyRing);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeTable: RouteSummary[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', requireDeclaredAction);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, action: route.config?.action ?? null });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const findingsRefresher = new FindingsRefresher(
    (actor, work) => asRequester(database, actor, work),
    app.log,
    config.findingsInlineActivities,
  );
  app.decorate('findingsRefresher', findingsRefresher);
  // The refresh under way ends before the database closes.
  app.addHook('onClose', async () => {
    await findingsRefresher.close();
    if (options.ownsDatabase !== false) await database.close();
  });
  // The browser that prints PDF reports is started on first use; it goes with the app.
  app.addHook('onClose', () => closePdfRenderer());
  if (options.signAuditCheckpoints) await app.register(auditCheckpointSchedule);

  await app.register(httpErrors);
  await app.register(securityHeaders);
  await app.register(dataVersions);
  await app.register(accessControl, { keepSessionChecks: options.keepAnswers !== false });
  if (options.keepAnswers !== false) await app.register(answerCache);
  await app.register(uploads, options.uploads ?? {});
  await app.register(indicatorRefresh);
  await registerOpenApi(app);
  const offerCheck: OfferCheckSources = {
    register: options.offerCheckRegister ?? registerAskedAnonymously(database),
    contacts: await contactsSource({
      file: config.offerCheckContactsFile,
      hasDemoDataset: () => hasDemoDataset(database.db),
    }),
    today,
  };
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(
    async (api) => {
      await api.register(referenceRoutes, { prefix: '/reference' });
      await api.register(authRoutes);
      await api.register(accountRoutes, { prefix: '/account' });
      await api.register(invitationRoutes, { prefix: '/account' });
      await api.register(organisationRoutes, { prefix: '/organisations' });
      await api.register(memberRoutes, { prefix: '/organisations' });
      await api.register(breakGlassRoutes, { prefix: '/break-glass' });
      await api.register(auditRoutes, { prefix: '/audit' });
      await api.register(mechanismRoutes, { prefix: '/mechanisms' });
      await api.register(activityRoutes, { prefix: '/activities' });
      await api.register(coverageRoutes, { prefix: '/coverage' });
      await api.register(statisticsRoutes, { prefix: '/statistics' });
      await api.register(overviewRoutes, { prefix: '/overview' });
      await api.register(importJobRoutes, { prefix: '/import-jobs' });
      await api.register(caseExportRoutes, { prefix: '/cases/export' });
      await api.register(caseRoutes, { prefix: '/cases' });
      await api.register(followUpRoutes, { prefix: '/cases' });
      await api.register(personFileRoutes, { prefix: '/cases' });
      await api.register(screeningRoutes, { prefix: '/screening' });
      await api.register(referralRoutes, { prefix: '/referrals' });
      await api.register(exchangeRoutes, { prefix: '/exchange' });
      await api.register(serviceRoutes, { prefix: '/services' });
      await api.register(releaseRoutes, { prefix: '/releases' });
      await api.register(planRoutes, { prefix: '/plans' });
      await api.register(reportRoutes, { prefix: '/reports' });
      await api.register(assistanceRoutes, { prefix: '/assistance' });
      await api.register(knowledgeRoutes, { prefix: '/knowledge' });
      await api.register(knowledgeAttachmentRoutes, { prefix: '/knowledge' });
      await api.register(commitmentRoutes, { prefix: '/commitments' });
      await api.register(offerCheckRoutes, { prefix: '/offer-check', sources: offerCheck });
      await api.register(intermediaryRoutes, { prefix: '/intermediaries' });
    },
    { prefix: API_PREFIX },
  );
  // Public pages that work without the web app's JavaScript; served before its fallback to index.html.
  await app.register(offerCheckPages, { sources: offerCheck, assetsDir: config.checkAssetsDir });
  const unknownRoute = unknownRouteHandler(routeTable);
  if (options.serveWeb !== false) await app.register(webApp, { webDir: config.webDir, unknownRoute });
  else app.setNotFoundHandler(unknownRoute);
  return app;
}

/**
 * On a server, requests must log in as a role that cannot switch row-level security off, and the
 * owner must be able to do its own work on tables that force it; embedded, one superuser is all there is.
 */
async function refuseRolesThatBypassSecurity(database: DatabaseHandle): Promise<void> {
  if (database.engine !== 'postgres') return;
  const roles = await database.describeRoles().catch((error: unknown) => {
    throw new DatabaseRoleError(
      `Requests could not log in to PostgreSQL as ${REQUEST_LOGIN_ROLE} (${error instanceof Error ? error.message : String(error)}). ` +
        'Run `concerted db migrate` as a user that may create roles, or create the roles with the setup SQL under "Database roles" in the README, or set DATABASE_APP_URL.',
    );
  });
  checkRequestRole(roles.request);
  checkOwnerRole(roles.owner);
}

export function routeNotFound(url: string): AppError {
  return new AppError('route_not_found', `No route matches ${url.split('?')[0]}; see /api/docs for the API.`);
}

/** 405 with Allow when the path is known under other methods, else 404. */
function unknownRouteHandler(routeTable: readonly RouteSummary[]) {
  const allowedMethods = allowedMethodsFinder(routeTable);
  return (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const allowed = allowedMethods(pathname);
    if (allowed.length === 0) return sendProblem(request, reply, routeNotFound(pathname));
    reply.header('allow', allowed.join(', '));
    return sendProblem(
      request,
      reply,
      new AppError('method_not_allowed', `${pathname} answers ${allowed.join(', ')}, not ${request.method}.`),
    );
  };
}

/** Errors Fastify meets before any route runs: a malformed address or an overlong path segment. */
function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the address is too long; ids and codes are never that long.'
      : 'The address is not valid: each % must start an escape of valid UTF-8 (for example %20).';
  reply.headers(securityHeadersWithoutHooks());
  return sendProblem(
    request,
    reply,
    new AppError('validation_failed', detail, [
      {
        path: 'url',
        message: detail,
        code: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'too_long' : 'malformed_url',
      },
    ]),
  );
}

/** Deny by default starts here: a route under /api that names no action cannot even be registered. */
function requireDeclaredAction(route: {
  url: string;
  method: string | string[];
  config?: { action?: string };
}) {
  if (isExemptFromActionDeclaration(route.url)) return;
  if (!route.config?.action) {
    throw new Error(`Route ${String(route.method)} ${route.url} declares no action (config.action).`);
  }
  if (!isAction(route.config.action)) {
    throw new Error(
      `Route ${String(route.method)} ${route.url} names an unknown action "${route.config.action}".`,
    );
  }
}

async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concerted API',
        version: '1',
        description:
          'Coordinated action against trafficking in persons. Errors are RFC 9457 problem+json with a stable `code`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'reference', description: 'Countries, UN M49 areas and shared code lists' },
        { name: 'access', description: 'Sign-in, accounts, members, tokens and break-glass' },
        {
          name: 'partners',
          description: 'Partner organisations, their focal points and coordination mechanisms',
        },
        { name: 'activities', description: 'The 4W register: who does what, where, for whom and when' },
        {
          name: 'coverage',
          description: 'Coverage matrix, gaps, overlaps and country coordination profiles',
        },
        { name: 'audit', description: 'The hash-chained audit trail' },
        {
          name: 'statistics',
          description: 'Official statistics: releases, figures, shares, trends, revisions, imports',
        },
        { name: 'imports', description: 'Imports that run in the background, and their progress' },
        {
          name: 'plans',
          description:
            'Plans of action: objectives, measures, indicators, progress reports, dashboards and results',
        },
        {
          name: 'reports',
          description:
            'Printable reports generated from the data: a country’s assessment joining partners, activities, gaps and overlaps, official figures and plans’ progress',
        },
        {
          name: 'offer-check',
          description:
            'The public job-offer check: warning signs explained, contacts and a checklist; anonymous reports',
        },
        {
          name: 'assistance',
          description:
            'Technical assistance: needs countries post, offers partners make, and the matches between them',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { action: 'public.read' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: documentationCsp,
  });
}

/**
 * The job-offer check asks the stored register as the public does (an anonymous requester under row-level
 * security), whoever is signed in: its answer must not depend on who asks.
 */
function registerAskedAnonymously(database: DatabaseHandle): RegisterSource {
  return (query, asOf) =>
    asRequester(database, ANONYMOUS_ACTOR, (tx) => registerLookupFor(tx, query, { asOf }));
}
