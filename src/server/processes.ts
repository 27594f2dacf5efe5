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

export type ServingProcesses = {
  /** The address the processes listen on, once every one of them does. */
  address: Promise<string>;
  pids(): number[];
  /** Asks every process to finish its requests and stop; resolves once all have. */
  stop(signal: NodeJS.Signals): Promise<void>;
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

  const fork = (index: number) => {
    const duties: ServingDuties = { ...listen, isFirst: index === 0 };
    const worker = cluster.fork({ [DUTIES_VARIABLE]: JSON.stringify(duties) });
    started.set(worker, Date.now());
    worker.on('message', (message: { concertedListening?: string }) => {
      if (!message?.concertedListening) return;
      listening.add(index);
      if (listening.size === count) resolveAddress(message.concertedListening);
    });
    worker.on('exit', (code, signal) => {
      const since = Date.now() - (started.get(worker) ?? 0);
      started.delete(worker);
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
      setTimeout(() => fork(index), Math.max(0, RESTART_PAUSE_MS - since)).unref();
    });
  };
  for (let index = 0; index < count; index++) fork(index);

  return {
    address,
    pids: () => [...started.keys()].map((worker) => Number(worker.process.pid)),
    stop: async (signal) => {
      isStopping = true;
      const workers = [...started.keys()];
      const exits = workers.map(
        (worker) =>
          new Promise<void>((resolve) =>
            worker.isDead() ? resolve() : worker.once('exit', () => resolve()),
          ),
      );
      for (const worker of workers) worker.process.kill(signal);
      await Promise.all(exits);
    },
  };
}
