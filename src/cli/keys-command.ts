// `concerted keys rotate`: a new master key for victims' personal data, every person's data key re-wrapped
// with it while the server keeps serving; the sealed fields are not touched.
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { KeyRing, type KeySources, keyDirectory, recordInitialMasterKey } from '../cases/person/keyring.js';
import { type RotationReport, rotateMasterKey } from '../cases/person/rotate.js';
import { loadConfig } from '../platform/config.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson } from './output.js';

type RotateOptions = { json?: boolean };

export function keysCommand(
  open: OpenDatabase = openConfiguredDatabase,
  sources: () => KeySources = () => loadConfig(),
): Command {
  const keys = new Command('keys').description('the master keys that protect victims’ personal data');
  keys
    .command('rotate')
    .description(
      'make a new master key (written 0600 beside the installation key) and re-wrap every person’s data key with it; safe while the server runs',
    )
    .option('--json', 'print the result as JSON')
    .action(
      action((options: RotateOptions) =>
        withDatabase(open, async (_db, handle) => {
          const ring = await KeyRing.load(sources());
          await recordInitialMasterKey(handle.db, ring);
          const showBar = !options.json && process.stderr.isTTY === true;
          const bar = new cliProgress.SingleBar({ format: 'rewrapping {bar} {value}/{total}' });
          let started = false;
          const report = await rotateMasterKey(handle, ring, (done, remaining) => {
            if (!showBar) return;
            if (!started) bar.start(done + remaining, done);
            started = true;
            bar.update(done);
          });
          if (started) bar.stop();
          if (options.json) printJson(report);
          else process.stdout.write(describeRotation(report, keyDirectory(sources())));
        }),
      ),
    );
  return keys;
}

function describeRotation(report: RotationReport, directory: string): string {
  return [
    `New master key ${report.newKeyId}, written to ${directory}; keep a copy with the installation's backups.`,
    `${report.rewrapped} data key${report.rewrapped === 1 ? '' : 's'} re-wrapped; ${report.leftOnOldKeys} left on an older key.`,
    report.retiredKeyIds.length
      ? `Retired: ${report.retiredKeyIds.join(', ')} (no longer wraps anything; the installation key file also seals sign-in secrets, keep it).`
      : 'No key retired.',
    '',
  ].join('\n');
}
