// What the statistics benchmarks measure besides wall time: the CPU time of Node and of the database
// server's backend (read from /proc, so only when the server runs on this machine), the load, and
// PostgreSQL's own COPY of a file as the yardstick an import is compared with.
import { createReadStream, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * CPU seconds (user + system) a process has used, or null when it cannot be read (a remote server). For a
 * server backend, the workers it starts for a parallel index build are processes of their own, not counted.
 */
export function cpuOfProcess(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds this Node process has used. */
export function nodeCpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Other work on the machine inflates wall-clock figures: each is printed with the load beside it. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall seconds, the server backend's CPU seconds (null when unreadable) and the load when it ended. */
export type Timing = { seconds: number; serverCpu: number | null; load: string };

export type CopyBaseline = {
  table: string;
  columns: readonly string[];
  /** Run after the COPY in the same transaction (index builds). */
  after: readonly string[];
};

/**
 * PostgreSQL's own COPY of the CSV file into a new table, then `after`, in one transaction, on a connection
 * of its own: server-side when the server can read the file, else COPY … FROM STDIN fed from the file. The
 * table is dropped afterwards, so that repeated baselines start alike.
 */
export async function timeCopy(
  databaseUrl: string,
  csvPath: string,
  baseline: CopyBaseline,
): Promise<Timing> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    const options = 'with (format csv, header true)';
    const run = async (copy: () => Promise<unknown>) => {
      const cpuBefore = cpuOfProcess(pid);
      const started = performance.now();
      await client.query('begin');
      try {
        await client.query(`create table ${baseline.table} (${baseline.columns.join(', ')})`);
        await copy();
        for (const statement of baseline.after) await client.query(statement);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = cpuOfProcess(pid);
      return {
        seconds,
        serverCpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        load: loadAverage(),
      };
    };
    try {
      return await run(() => client.query(`copy ${baseline.table} from '${csvPath}' ${options}`));
    } catch {
      return await run(() =>
        pipeline(
          createReadStream(csvPath),
          client.query(copyFrom(`copy ${baseline.table} from stdin ${options}`)),
        ),
      );
    }
  } finally {
    await client.query(`drop table if exists ${baseline.table}`).catch(() => {});
    await client.end();
  }
}
