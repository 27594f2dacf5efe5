// After an import from the command line, the plans' indicators that read the imported kind of data read it again,
// as the server does after its own imports. The import stands whatever happens here: a failure is only said.
import type { SourceKind } from '../plans/engine/automatic-actuals.js';
import { refreshIndicators } from '../plans/refresh-indicators.js';
import type { DatabaseHandle } from '../platform/db.js';
import { describeFailure } from './output.js';

export const todayOf = () => new Date().toISOString().slice(0, 10);

export async function refreshAfterImport(
  handle: DatabaseHandle,
  kind: SourceKind,
  quiet: boolean,
): Promise<void> {
  try {
    const summary = await handle.db.transaction((tx) =>
      refreshIndicators(tx, { today: todayOf(), kinds: [kind] }),
    );
    if (!quiet && summary.written > 0)
      process.stderr.write(
        `Updated ${summary.written} actual value(s) of plan indicators that read ${kind === 'statistics' ? 'statistics' : '4W activities'}.\n`,
      );
  } catch (error) {
    process.stderr.write(
      `warning: the import is saved, but the plans’ indicators were not refreshed (${describeFailure(error)}); run \`concerted plans refresh\`.\n`,
    );
  }
}
