// A test app in its own process: the hostile-upload test drives it over HTTP, so that the test's own work
// (spawning curl, timing probes, parsing JSON) never runs on the server's event loop and stalls it.
// Run as `node --import tsx serve-for-test.ts <engine>`; prints one JSON line (address and sessions), then
// answers "load" on stdin with the import slots' load, and closes when stdin ends.
import { createInterface } from 'node:readline';
import { demoEmail, startTestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

export type ServedApp = {
  base: string;
  sessions: Record<'editor' | 'analyst', { cookie: string; csrfToken: string; userId: string }>;
};

const engine = TEST_ENGINES.find((candidate) => candidate.name === process.argv[2]);
if (!engine) throw new Error(`unknown engine ${process.argv[2]}`);
const t = await startTestApp(engine);
const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
const served: ServedApp = {
  base,
  sessions: {
    editor: await t.signInAs(demoEmail('editor')),
    analyst: await t.signInAs(demoEmail('analyst')),
  },
};
process.stdout.write(`${JSON.stringify(served)}\n`);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'load') process.stdout.write(`${JSON.stringify(t.app.uploads.slots.load)}\n`);
});
lines.on('close', () => {
  t.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
