import { performance } from 'node:perf_hooks';
import { PgDialect } from 'drizzle-orm/pg-core';
import { ANONYMOUS_ACTOR, asRequester } from '../../src/access/context.js';
import { searchKnowledge, searchPlan } from '../../src/knowledge/search.js';
import { searchSql } from '../../src/knowledge/search-sql.js';
import { openDatabase, rowsOf } from '../../src/platform/db.js';

const handle = await openDatabase({
  databaseUrl: `postgres://postgres@127.0.0.1:5432/${process.env.DB ?? 'kb_probe'}`,
  poolSize: 2,
});
const q = process.argv[2] ?? 'victims';
const language = (process.argv[3] ?? 'en') as 'en';
const request = { q, language, filters: {}, page: 1, pageSize: 20, currentYear: 2026 };
const query = new PgDialect().sqlToQuery(searchSql(searchPlan(request)));
let text = query.sql;
query.params.forEach((p, i) => {
  text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`), `'${String(p).replaceAll("'", "''")}'`);
});
console.log(text);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await asRequester(handle, ANONYMOUS_ACTOR, (tx) => searchKnowledge(tx, request));
  console.error('total', r.total, performance.now() - t);
}
await handle.close();
