// The session context: who is signed in (GET /me), signing in and out, and an API client that sends
// the session's anti-forgery token with every write and notices when the session has ended.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Resource } from '../../access/policy.js';
import type { Me } from '../../access/schemas.js';
import { getJson, ProblemError, sendFileAsync, sendJson, type WriteMethod } from '../api/client.js';
import { type Action, can, canWithSecondFactor } from './permissions.js';

const API = '/api/v1';

export type SessionStatus = 'loading' | 'anonymous' | 'signed_in';
/** Why the person is signed out, for a one-line explanation on the sign-in page. */
export type SessionNotice = 'signed_out' | 'session_expired' | null;

export type Api = {
  get<T extends { data: unknown }>(path: string, signal?: AbortSignal): Promise<T>;
  /** A write; resolves to the parsed answer, or null for 204 No Content. */
  send<T = null>(method: WriteMethod, path: string, body?: unknown): Promise<T>;
  /** Sends a file to an import route as a background job; resolves to the 202 answer. */
  sendFileAsync<T>(path: string, file: Blob, contentType: string): Promise<T>;
};

export type SignInInput = { email: string; password: string; code?: string };

export type Session = {
  status: SessionStatus;
  me: Me | null;
  notice: SessionNotice;
  api: Api;
  signIn(input: SignInInput): Promise<Me>;
  signOut(options?: { everywhere?: boolean }): Promise<void>;
  /** Reads GET /me again, after a change to one's own account or roles. */
  refresh(): Promise<void>;
  can(action: Action, resource?: Resource): boolean;
  canWithSecondFactor(action: Action, resource?: Resource): boolean;
};

const SessionContext = createContext<Session | null>(null);

type State = { status: SessionStatus; me: Me | null; notice: SessionNotice };

function isSessionGone(error: unknown): boolean {
  return (
    error instanceof ProblemError &&
    error.problem.status === 401 &&
    (error.problem.code === 'unauthenticated' || error.problem.code === 'session_expired')
  );
}

async function fetchMe(): Promise<Me | null> {
  try {
    return (await getJson<{ data: Me }>(`${API}/me`)).data;
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 401) return null;
    throw error;
  }
}

export function SessionProvider(props: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', me: null, notice: null });
  // The API client reads the latest token through a ref, so it stays one stable object.
  const meRef = useRef<Me | null>(null);
  meRef.current = state.me;

  const becomeSignedOut = useCallback((notice: SessionNotice) => {
    meRef.current = null;
    setState({ status: 'anonymous', me: null, notice });
  }, []);

  const api = useMemo<Api>(() => {
    const onSessionGone = (error: unknown): never => {
      if (meRef.current && isSessionGone(error)) becomeSignedOut('session_expired');
      throw error;
    };
    return {
      get: <T extends { data: unknown }>(path: string, signal?: AbortSignal) =>
        getJson<T>(path, signal).catch(onSessionGone),
      send: <T = null>(method: WriteMethod, path: string, body?: unknown) =>
        sendJson<T>(method, path, { body, csrfToken: meRef.current?.csrfToken ?? null }).catch(onSessionGone),
      sendFileAsync: <T,>(path: string, file: Blob, contentType: string) =>
        sendFileAsync<T>(path, file, { contentType, csrfToken: meRef.current?.csrfToken ?? null }).catch(
          onSessionGone,
        ),
    };
  }, [becomeSignedOut]);

  const refresh = useCallback(async () => {
    try {
      const me = await fetchMe();
      meRef.current = me;
      setState((current) =>
        me
          ? { status: 'signed_in', me, notice: null }
          : { status: 'anonymous', me: null, notice: current.notice },
      );
    } catch {
      // The server could not be reached: browse anonymously; pages that need the API say why.
      setState((current) => ({ ...current, status: current.me ? 'signed_in' : 'anonymous' }));
    }
  }, []);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const signIn = useCallback(async (input: SignInInput) => {
    const answer = await sendJson<{ data: Me }>('POST', `${API}/auth/sign-in`, { body: input });
    meRef.current = answer.data;
    setState({ status: 'signed_in', me: answer.data, notice: null });
    return answer.data;
  }, []);

  const signOut = useCallback(
    async (options: { everywhere?: boolean } = {}) => {
      try {
        await api.send('POST', `${API}/auth/sign-out`, { everywhere: options.everywhere ?? false });
      } catch (error) {
        // An already ended session is as good as signed out.
        if (!isSessionGone(error)) throw error;
      }
      becomeSignedOut('signed_out');
    },
    [api, becomeSignedOut],
  );

  const value = useMemo<Session>(
    () => ({
      ...state,
      api,
      signIn,
      signOut,
      refresh,
      can: (action, resource) => can(state.me, action, resource),
      canWithSecondFactor: (action, resource) => canWithSecondFactor(state.me, action, resource),
    }),
    [state, api, signIn, signOut, refresh],
  );

  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>.');
  return context;
}

export const API_BASE = API;
