// `concerted cases match-keys`: the keyed hashes that find a person held twice, computed again from the
// person records themselves, for records written before they existed or with another installation key.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type RebuildReport, rebuildMatchKeys } from '../cases/duplicates/rebuild.js';
import { KeyRing, type KeySources } from '../cases/person/keyring.js';
import { type OpenDatabase, withDatabase } from './database.js';
import { action, printJson } from './output.js';

type MatchKeysOptions = { all?: boolean; json?: boolean };

export function addMatchKeysCommand(cases: Command, open: OpenDatabase, sources: () => KeySources): void {
  cases
    .command('match-keys')
    .description(
      'compute the duplicate-check keys of every person record that has none (or, with --all, of every record), from the sealed records; safe to run again, and recorded in the audit trail',
    )
    .option('--all', 'compute them again for every person record')
    .option('--json', 'print the result as JSON')
    .action(
      action((options: MatchKeysOptions) =>
        withDatabase(open, async (db) => {
          const ring = await KeyRing.load(sources());
          const showBar = !options.json && process.stderr.isTTY === true;
          const bar = new cliProgress.SingleBar({ format: 'person records {bar} {value}/{total}' });
          let started = false;
          const report = await rebuildMatchKeys(db, ring, {
            all: options.all === true,
            progress: (done, total) => {
              if (!showBar) return;
              if (!started) bar.start(total, 0);
              started = true;
              bar.update(done);
            },
          });
          if (started) bar.stop();
          if (options.json) printJson(report);
          else process.stdout.write(describeRebuild(report));
        }),
      ),
    );
}

function describeRebuild(report: RebuildReport): string {
  const records = (n: number) => `${n} person record${n === 1 ? '' : 's'}`;
  if (report.persons === 0) return 'There are no person records yet: nothing to compute.\n';
  if (report.rebuilt === 0)
    return `All ${records(report.persons)} already have their duplicate-check keys.\n`;
  return `Computed the duplicate-check keys of ${records(report.rebuilt)} (of ${report.persons}).\n`;
}
