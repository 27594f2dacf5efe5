// Several server processes on one port, for a machine with more cores than one Node.js thread can use:
// the first process prepares the database and then only watches over the others (node:cluster), which
// each open their own connections and serve requests, the kernel's connections handed out in turn.
// A process that dies is started again; a stop signal lets each finish its requests. Only with
// PostgreSQL: the embedded database can be opened by one process alone.
import cluster, { type Worker } from 'node:cluster';
import { type AddressInfo, createServer } from 'node:net';

/** What a serving process is told by the one that started it. */
export type ServingDuties = {
  /** The interface and port to listen on, chosen once by the first process. */
  host: string;
  port: number;
  /** One process signs audit checkpoints and settles silent imports: twice would do nothing better. */
  isFirst: boolean;
};

const DUTIES_VARIABLE = 'CONCERTED_SERVING_DUTIES';
/** A process that dies sooner than this after starting is not started again at once. */
const RESTART_PAUSE_MS = 1_000;

export const isServingProcess = () => cluster.isWorker;

export function dutiesOfThisProcess(): ServingDuties {
  const text = process.env[DUTIES_VARIABLE];
  if (!text)
    throw new Error(`${DUTIES_VARIABLE} is missing: this process was not started by concerted serve`);
  return JSON.parse(text) as ServingDuties;
}

/** Said by a serving process once it listens. */
export function tellListening(address: string): void {
  process.send?.({ concertedListening: address });
}

type StopRequest = { concertedStop?: NodeJS.Signals };

/** In a serving process: calls `stop` when the process that started it asks it to stop. */
export function onStopRequest(stop: (signal: NodeJS.Signals) => void): void {
  if (!cluster.isWorker) return;
  process.on('message', (message: StopRequest) => {
    if (message?.concertedStop) stop(message.concertedStop);
  });
}

export type ServingProcesses = {
  /** The address the processes listen on, once every one of them does. */
  address: Promise<string>;
  pids(): number[];
  /** Asks every process to finish its requests and stop; resolves once all have, true if all cleanly. */
  stop(signal: NodeJS.Signals): Promise<boolean>;
};

type Log = (line: string) => void;

/**
 * A port to give every serving process: the one asked for, or for 0 one free now (processes that each
 * listened on port 0 would each get a port of their own).
 */
export async function portToShare(port: number, host: string): Promise<number> {
  if (port !== 0) return port;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, resolve);
  });
  const chosen = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return chosen;
}

export function startServingProcesses(
  count: number,
  listen: { host: string; port: number },
  log: Log,
): ServingProcesses {
  let isStopping = false;
  const started = new Map<Worker, number>();
  let resolveAddress: (address: string) => void = () => {};
  let rejectAddress: (error: Error) => void = () => {};
  const address = new Promise<string>((resolve, reject) => {
    resolveAddress = resolve;
    rejectAddress = reject;
  });
  const listening = new Set<number>();
  /** Processes that said they listen; one still starting has no requests to finish. */
  const serving = new Set<Worker>();

  const fork = (index: number) => {
    const duties: ServingDuties = { ...listen, isFirst: index === 0 };
    const worker = cluster.fork({ [DUTIES_VARIABLE]: JSON.stringify(duties) });
    started.set(worker, Date.now());
    worker.on('message', (message: { concertedListening?: string }) => {
      if (!message?.concertedListening) return;
      serving.add(worker);
      listening.add(index);
      if (listening.size === count) resolveAddress(message.concertedListening);
    });
    worker.on('exit', (code, signal) => {
      const since = Date.now() - (started.get(worker) ?? 0);
      started.delete(worker);
      serving.delete(worker);
      if (isStopping) return;
      if (listening.size < count) {
        rejectAddress(
          new Error(`a serving process stopped before listening (${signal ?? `exit code ${code}`})`),
        );
        return;
      }
      log(
        `serving process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`,
      );
      const startAgain = () => {
        if (!isStopping) fork(index);
      };
      setTimeout(startAgain, Math.max(0, RESTART_PAUSE_MS - since)).unref();
    });
  };
  for (let index = 0; index < count; index++) fork(index);

  return {
    address,
    pids: () => [...started.keys()].map((worker) => Number(worker.process.pid)),
    stop: async (signal) => {
      isStopping = true;
      const workers = [...started.keys()];
      const exits = workers.map((worker) => {
        // One still starting has nothing to finish: how it ends does not count against a clean stop.
        const counts = serving.has(worker);
        return new Promise<boolean>((resolve) => {
          if (worker.isDead()) resolve(!counts || worker.process.exitCode === 0);
          else worker.once('exit', (code) => resolve(!counts || code === 0));
        });
      });
      for (const worker of workers) askToStop(worker, serving.has(worker), signal);
      return (await Promise.all(exits)).every(Boolean);
    },
  };
}

/**
 * A serving process is asked, not signalled: one that got the same signal from a terminal must not take
 * this as a second one, which would cut its requests short. One still starting may not listen for the
 * question yet, and has no requests: it gets the signal.
 */
function askToStop(worker: Worker, isServing: boolean, signal: NodeJS.Signals): void {
  if (worker.isDead()) return;
  if (!isServing) {
    worker.process.kill(signal);
    return;
  }
  try {
    worker.send({ concertedStop: signal } satisfies StopRequest);
  } catch {
    // Its channel closed as it died: its exit is awaited all the same.
  }
}
