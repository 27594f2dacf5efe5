import { CopyLines } from '../../src/platform/copy-lines.js';
import { CellRegistry } from '../../src/statistics/import/cells.js';
import { PublisherAreaTally } from '../../src/statistics/import/publisher-area-tally.js';
import { readRows } from '../../src/statistics/import/read-observations.js';
import { ReportBuilder } from '../../src/statistics/import/report.js';
import { RollupAccumulator } from '../../src/statistics/import/rollups.js';
import { fileFromPath } from '../../src/statistics/index.js';

const file = process.argv[2] as string;
for (let round = 0; round < Number(process.argv[3] ?? 2); round += 1) {
  const report = new ReportBuilder();
  const cells = new CellRegistry();
  const rollups = new RollupAccumulator();
  const areas = new PublisherAreaTally();
  const lines = new CopyLines();
  let bytes = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await readRows({ source: 'glotip', file: await fileFromPath(file) }, 'csv', report, (o) => {
    const { cellId, isRepeat } = cells.register(o);
    if (isRepeat) return;
    report.addObservation();
    if (o.publisherArea) areas.note(o.publisherArea);
    if (o.iso3) rollups.add(cellId, o.iso3, o.lower, o.upper, o.isCensored);
    lines.number(o.rowNo).tab().number(cellId).tab().text(o.iso3).tab().text(o.m49).tab();
    lines.raw(cells.copyBytesOf(cellId)).tab().number(o.lower).tab();
    (o.upper === null ? lines.ascii('\\N') : lines.number(o.upper)).tab();
    lines
      .ascii(o.isCensored ? 't' : 'f')
      .tab()
      .text(o.valueText)
      .tab()
      .text(o.source)
      .tab()
      .text(o.note)
      .end();
    if (lines.isFull) bytes += lines.take().length;
    return undefined;
  });
  const c = process.cpuUsage(c0);
  console.log(
    `rows ${report.rowsRead} cpu ${((c.user + c.system) / 1e6).toFixed(2)} s wall ${((performance.now() - t0) / 1000).toFixed(2)} s bytes ${bytes}`,
  );
}
