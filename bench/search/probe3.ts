import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { ANONYMOUS_ACTOR, asRequester } from '../../src/access/context.js';
import { searchPlan } from '../../src/knowledge/search.js';
import { searchSql } from '../../src/knowledge/search-sql.js';
import { openDatabase, rowsOf } from '../../src/platform/db.js';

const handle = await openDatabase({
  databaseUrl: `postgres://postgres@127.0.0.1:5432/${process.env.DB}`,
  poolSize: 2,
});
const request = {
  q: process.argv[2] ?? 'victims',
  language: 'en' as const,
  filters: {},
  page: 1,
  pageSize: 20,
  currentYear: 2026,
};
for (let i = 0; i < 3; i++) {
  await asRequester(handle, ANONYMOUS_ACTOR, async (tx) => {
    const t = performance.now();
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await rowsOf<{ total: number }>(tx, searchSql(searchPlan(request)));
    console.log('main', rows[0]?.total, performance.now() - t);
    if (i === 2) {
      const plan = await rowsOf<Record<string, string>>(
        tx,
        sql`explain (analyze) ${searchSql(searchPlan(request))}`,
      );
      console.log(
        plan
          .map((r) => Object.values(r)[0])
          .filter((l) => /CTE |Execution|Planning|Scan on knowledge|Limit|Sort|Unique|Hash|Aggregate/.test(l))
          .join('\n'),
      );
    }
  });
}
await handle.close();
