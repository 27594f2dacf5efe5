// The child the kill -9 test runs for a key rotation: `concerted keys rotate --json` itself, on the
// configured database, saying "database open" first so that the test's kill lands in the rotation's work
// and not in the start-up of the process.
import { openConfiguredDatabase } from '../../src/cli/database.js';
import { keysCommand } from '../../src/cli/keys-command.js';

async function openAndSay() {
  const handle = await openConfiguredDatabase();
  process.stdout.write('database open\n');
  return handle;
}

await keysCommand(openAndSay).parseAsync(['rotate', '--json'], { from: 'user' });
