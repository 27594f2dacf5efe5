// Fetches JSON from the API and turns every failure into RFC 9457 problem details.
// Response types come from the server's zod shapes (src/*/schemas.ts) as types only: the server
// already validates each response against those shapes before sending it, and bundling zod
// would add about 24 kB (gzip) to every page for a second check of the same thing.
import type { Problem } from '../../platform/errors.js';

/** A failed request; failures that never reached the API get client-side codes of their own. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

type ClientCode = 'network_error' | 'unexpected_response' | 'http_error';

function clientProblem(code: ClientCode, status: number, title: string): ProblemError {
  return new ProblemError({ type: 'about:blank', title, status, code });
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.title === 'string';
}

async function problemFrom(response: Response): Promise<ProblemError> {
  const body: unknown = await response.json().catch(() => null);
  if (isProblem(body)) return new ProblemError(body);
  // Not problem+json (a proxy's HTML error page, say): describe it by its status.
  return clientProblem('http_error', response.status, response.statusText || `HTTP ${response.status}`);
}

/** GETs an API resource; every API answer wraps its payload in `{ data }`. */
export async function getJson<T extends { data: unknown }>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw clientProblem('network_error', 0, 'Network error');
  }
  if (!response.ok) throw await problemFrom(response);
  const body: unknown = await response.json().catch(() => null);
  // Anything but { data } means page and server are different versions: say so, render nothing wrong.
  if (typeof body !== 'object' || body === null || !('data' in body)) {
    throw clientProblem('unexpected_response', response.status, 'Unexpected response');
  }
  return body as T;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a write to the API. `csrfToken` is the session's anti-forgery token (GET /me returns it):
 * the server refuses every cookie-authenticated write without it. A 204 answer resolves to null.
 */
export async function sendJson<T>(
  method: WriteMethod,
  path: string,
  options: { body?: unknown; csrfToken?: string | null } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw clientProblem('network_error', 0, 'Network error');
  }
  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204) return null as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (body === undefined) throw clientProblem('unexpected_response', response.status, 'Unexpected response');
  return body as T;
}

/**
 * Sends a file as the request's body, asking for the answer before the work is done
 * (`Prefer: respond-async`): the server answers 202 with the import job it will run.
 */
export async function sendFileAsync<T>(
  path: string,
  file: Blob,
  options: { contentType: string; csrfToken?: string | null },
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': options.contentType,
    prefer: 'respond-async',
  };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: file });
  } catch {
    throw clientProblem('network_error', 0, 'Network error');
  }
  if (!response.ok) throw await problemFrom(response);
  const body: unknown = await response.json().catch(() => undefined);
  if (body === undefined) throw clientProblem('unexpected_response', response.status, 'Unexpected response');
  return body as T;
}

export function asProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return { type: 'about:blank', title: 'Error', status: 0, code: 'unexpected_response' };
}
