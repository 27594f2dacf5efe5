// CPU time spent by the bench's own process and by the server processes serving its database: figures that
// depend less than elapsed time on what else the machine is running.
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, rowsOf } from '../../src/platform/db.js';

/** Linux counts a process's CPU time in ticks of 1/100 s (USER_HZ) on every common platform. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of each server process connected to the bench's database, by pid. */
async function serverCpu(handle: DatabaseHandle): Promise<Map<number, number> | null> {
  const backends = await rowsOf<{ pid: number }>(
    handle.db,
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  const seconds = new Map<number, number>();
  for (const { pid } of backends) {
    // A server on another machine has no process here: the figure is then not given.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null) return null;
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
  }
  return seconds;
}

export type CpuSpent = { nodeSeconds: number; serverSeconds: number | null; loadAverage: number };

/** Starts counting; the function returned gives the CPU spent since, and the load average at that time. */
export async function startCpuCount(handle: DatabaseHandle): Promise<() => Promise<CpuSpent>> {
  const node = process.cpuUsage();
  const server = await serverCpu(handle);
  return async () => {
    const nodeUsed = process.cpuUsage(node);
    const serverNow = await serverCpu(handle);
    let serverSeconds: number | null = null;
    if (server && serverNow) {
      serverSeconds = 0;
      // A process that started since counts from nothing; one that ended since is not counted.
      for (const [pid, seconds] of serverNow) serverSeconds += seconds - (server.get(pid) ?? 0);
    }
    return {
      nodeSeconds: (nodeUsed.user + nodeUsed.system) / 1e6,
      serverSeconds,
      loadAverage: Number(loadavg()[0]?.toFixed(1)),
    };
  };
}

/** Milliseconds of CPU per unit of work, for Node and for the server. */
export function cpuPer(spent: CpuSpent, units: number): { nodeMs: number; serverMs: number | null } {
  const per = (seconds: number) => Number(((seconds * 1000) / units).toFixed(2));
  return {
    nodeMs: per(spent.nodeSeconds),
    serverMs: spent.serverSeconds === null ? null : per(spent.serverSeconds),
  };
}
