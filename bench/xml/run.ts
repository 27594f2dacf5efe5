// Benchmark of the IATI XML reader: a flat publisher file read at two sizes (linear time shows as a rate that
// holds), and hostile nesting refused at the depth limit, beside saxes' own namespace resolver on the same input.
// Usage: npm run bench:xml -- [--activities N]  (default 20,000 activities, then four times as many)
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SaxesParser } from 'saxes';
import { readElements } from '../../src/activities/import/xml-tree.js';

const { values } = parseArgs({ options: { activities: { type: 'string', default: '20000' } } });
const base = Number(values.activities);

function activity(i: number): string {
  return `<iati-activity xml:lang="en" default-currency="USD"><iati-identifier>XM-BENCH-${i}</iati-identifier><reporting-org ref="XM-BENCH" type="10"><narrative>Bench Agency</narrative></reporting-org><title><narrative>Activity ${i}</narrative><narrative xml:lang="fr">Activité ${i}</narrative></title><description type="1"><narrative>${'Words of a description. '.repeat(8)}</narrative></description><participating-org ref="XM-NGO-${i % 50}" role="4" type="22"><narrative>Partner ${i % 50}</narrative></participating-org><activity-status code="2"/><activity-date type="1" iso-date="2026-01-01"/><recipient-country code="KE" percentage="100"/><sector vocabulary="1" code="15180" percentage="100"/><budget type="1"><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value currency="USD" value-date="2026-01-01">1000</value></budget></iati-activity>\n`;
}

/** The file in 64 KiB chunks, as a request body or file stream would deliver it. */
function* chunksOf(count: number): Generator<string> {
  yield '<iati-activities version="2.03">\n';
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += activity(i);
    if (buffer.length > 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}</iati-activities>\n`;
}

async function timeFlat(count: number) {
  const bytes = [...chunksOf(count)].reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
  const started = process.hrtime.bigint();
  let records = 0;
  for await (const _ of readElements(Readable.from(chunksOf(count)), 'iati-activity')) records++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { records, megabytes: bytes / 1e6, seconds };
}

async function timeDeep(depth: number) {
  const xml = `<iati-activities><iati-activity>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</iati-activity></iati-activities>`;
  const started = process.hrtime.bigint();
  let refusal = '';
  try {
    for await (const _ of readElements(Readable.from([xml]), 'iati-activity'));
  } catch (error) {
    refusal = (error as { fields?: { code: string }[] }).fields?.[0]?.code ?? String(error);
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, refusal, kilobytes: xml.length / 1024 };
}

/** What the reader did before: saxes with namespace resolution, which walks all open tags for each element. */
function timeSaxesXmlns(depth: number) {
  const xml = `<r>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</r>`;
  const started = process.hrtime.bigint();
  const parser = new SaxesParser({ xmlns: true });
  parser.write(xml).close();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const small = await timeFlat(base);
const large = await timeFlat(base * 4);
const rate = (r: typeof small) => r.megabytes / r.seconds;
console.log(
  `flat file, ${small.records} activities: ${small.megabytes.toFixed(1)} MB in ${small.seconds.toFixed(2)} s (${rate(small).toFixed(1)} MB/s)`,
);
console.log(
  `flat file, ${large.records} activities: ${large.megabytes.toFixed(1)} MB in ${large.seconds.toFixed(2)} s (${rate(large).toFixed(1)} MB/s)`,
);
console.log(`time ratio for 4× the size: ${(large.seconds / small.seconds).toFixed(2)} (linear = 4.00)`);
for (const depth of [20_000, 2_000_000]) {
  const deep = await timeDeep(depth);
  console.log(
    `${depth.toLocaleString('en')} nested elements (${deep.kilobytes.toFixed(0)} KiB): refused (${deep.refusal}) in ${deep.ms.toFixed(1)} ms`,
  );
}
const before = [5_000, 10_000, 20_000].map((depth) => ({ depth, ms: timeSaxesXmlns(depth) }));
for (const { depth, ms } of before)
  console.log(
    `for comparison, saxes resolving namespaces itself over ${depth.toLocaleString('en')} nested elements: ${ms.toFixed(0)} ms`,
  );
console.log(
  `  ratio 20,000 / 10,000 deep: ${((before[2]?.ms ?? 0) / (before[1]?.ms ?? 1)).toFixed(2)} (quadratic = 4.00)`,
);
