// A small load generator for the case benchmark: HTTP/1.1 over kept-alive sockets (Node's own client,
// lighter on the shared CPU than fetch), a closed loop of a fixed number of clients, and an open loop
// that sends on a fixed timetable and measures each latency from the moment the request was due, so a
// slow server cannot hide its delays by slowing the sender down (coordinated omission).
import http from 'node:http';

/** The status, the body, and the session cookie when one was set (only the sign-in sets one). */
export type Reply = { status: number; body: string; setCookie?: string };

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders: Record<string, string | number> = { ...headers };
    if (payload !== undefined) {
      allHeaders['content-type'] = 'application/json';
      allHeaders['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        { agent: this.agent, host: '127.0.0.1', port: this.port, method, path, headers: allHeaders },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
            resolve({ status: response.statusCode ?? 0, body, ...(cookie ? { setCookie: cookie } : {}) });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Latencies of one kind of request, in milliseconds, and the requests that did not succeed. */
export class Recorder {
  private samples = new Float64Array(1 << 16);
  count = 0;
  failures = 0;
  firstFailure: string | null = null;

  record(ms: number): void {
    if (this.count === this.samples.length) {
      const larger = new Float64Array(this.samples.length * 2);
      larger.set(this.samples);
      this.samples = larger;
    }
    this.samples[this.count++] = ms;
  }

  merge(other: Recorder): void {
    for (let i = 0; i < other.count; i++) this.record(other.samples[i] as number);
    this.failures += other.failures;
    this.firstFailure ??= other.firstFailure;
  }

  fail(what: string): void {
    this.failures++;
    this.firstFailure ??= what;
  }

  summary(seconds: number): Summary {
    const sorted = this.samples.subarray(0, this.count).sort();
    const at = (q: number) =>
      this.count === 0 ? 0 : (sorted[Math.min(this.count - 1, Math.floor(q * this.count))] ?? 0);
    return {
      requests: this.count,
      perSecond: this.count / seconds,
      p50: at(0.5),
      p99: at(0.99),
      max: this.count === 0 ? 0 : (sorted[this.count - 1] ?? 0),
      failures: this.failures,
      firstFailure: this.firstFailure,
    };
  }
}

export type Summary = {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
  firstFailure: string | null;
};

/** One request of the mix: sends it and says whether it succeeded (a description of the failure if not). */
export type Operation = () => Promise<string | null>;

/**
 * Each client sends its next request as soon as the previous one answered, until the time is up:
 * the most the server gives to that many clients. Returns the seconds actually measured.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  next: (client: number) => { operation: Operation; recorder: Recorder },
): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const runClient = async (client: number) => {
    while (performance.now() < deadline) {
      const { operation, recorder } = next(client);
      const sent = performance.now();
      const failure = await operation().catch((error: unknown) => String(error));
      if (failure === null) recorder.record(performance.now() - sent);
      else recorder.fail(failure);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => runClient(client)));
  return (performance.now() - started) / 1000;
}

/**
 * Requests sent at a fixed rate whatever the answers do: request k is due at start + k / rate, and its
 * latency runs from then, not from when it could be sent. `next(k)` gives the k-th request of the mix.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  next: (k: number) => { operation: Operation; recorder: Recorder },
  drainSeconds = 30,
): Promise<{ sent: number; lateMs: number; isDrained: boolean }> {
  const total = Math.floor(rate * seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let worstLateness = 0;
  let k = 0;
  while (k < total) {
    const now = performance.now();
    for (; k < total; k++) {
      const due = started + (k * 1000) / rate;
      if (due > now) break;
      worstLateness = Math.max(worstLateness, now - due);
      const { operation, recorder } = next(k);
      pending.push(
        operation().then(
          (failure) => (failure === null ? recorder.record(performance.now() - due) : recorder.fail(failure)),
          (error: unknown) => recorder.fail(String(error)),
        ),
      );
    }
    if (k < total) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  // A server that fell far behind would keep the run going for minutes: what has not answered by then
  // counts as failed, and the timing of what did answer stands.
  const drained = Promise.all(pending).then(() => true);
  const timedOut = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), drainSeconds * 1000).unref(),
  );
  const isDrained = await Promise.race([drained, timedOut]);
  return { sent: total, lateMs: worstLateness, isDrained };
}
