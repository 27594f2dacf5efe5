// How `concerted activities import` tells a person what happened: counts, then problems, warnings and outcomes.
import type { ImportReport } from '../activities/index.js';
import { printJson, printTable } from './output.js';

/** Lines shown per list on the terminal; --json keeps the whole report. */
const SHOWN = 50;

export function printImportReport(report: ImportReport, json: boolean) {
  if (json) {
    printJson(report);
    return;
  }
  const verb = report.dryRun ? 'Dry run' : report.committed ? 'Imported' : 'Nothing imported';
  const extra = [
    report.unclassified > 0 ? `${report.unclassified} awaiting classification` : null,
    report.skipped > 0 ? `${report.skipped} skipped` : null,
  ].filter(Boolean);
  process.stdout.write(
    `${verb}: ${report.rows} records; ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged${extra.length ? `; ${extra.join(', ')}` : ''}${report.dryRun ? ' (nothing written)' : ''}\n`,
  );
  if (report.organisationsRegistered.length > 0) {
    process.stdout.write(
      `${report.organisationsRegistered.length} organisations ${report.dryRun ? 'would be' : 'were'} registered as provisional, for a coordinator to review (concerted organisations list --provisional):\n`,
    );
    printTable(
      report.organisationsRegistered.map((o) => ({
        name: o.name,
        'iati identifier': o.iatiIdentifier,
        'iati type': o.iatiOrganisationType,
        'actor type': o.actorType,
      })),
    );
  }
  section(`${report.problemCount} problems`, report.problemCount, report.problems, 'problem');
  section(`${report.warnings.length} warnings`, report.warnings.length, report.warnings, 'warning');
  const skipped = report.outcomes.filter((o) => o.outcome === 'skipped');
  if (skipped.length > 0) {
    process.stdout.write(`${report.skipped} skipped:\n`);
    printTable(
      skipped.slice(0, SHOWN).map((o) => ({ row: o.row, identifier: o.identifier, reason: o.reason })),
    );
    more(report.skipped);
  }
  if (report.unclassified > 0)
    process.stdout.write(
      'Activities awaiting classification are left out of coverage: concerted activities list --needs-classification\n',
    );
}

function section(
  title: string,
  count: number,
  items: ImportReport['problems'],
  label: 'problem' | 'warning',
) {
  if (count === 0) return;
  process.stdout.write(`${title}:\n`);
  printTable(
    items
      .slice(0, SHOWN)
      .map((p) => ({ row: p.row, column: p.column, identifier: p.identifier, [label]: p.message })),
  );
  more(count);
}

function more(count: number) {
  if (count > SHOWN) process.stdout.write(`… and ${count - SHOWN} more (add --json for all of them)\n`);
}
