// Starts a worker thread on a module beside the caller: built, the module is plain JavaScript; run from
// source (tests, `npm run dev`), it is TypeScript and needs tsx's loader registered inside the worker first.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `moduleName` without extension, resolved against `callerUrl` (the caller's import.meta.url). The worker
 * runs at `niceness` (a higher value is a lower priority; on Linux it applies to the worker thread alone),
 * so that on a busy machine the request thread runs first.
 */
export function startModuleWorker(
  callerUrl: string,
  moduleName: string,
  options: WorkerOptions,
  niceness: number,
): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${moduleName}.js`, callerUrl), options);
  const tsx = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL(`./${moduleName}.ts`, callerUrl).href;
  const bootstrap = `require('node:os').setPriority(${niceness}); import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
