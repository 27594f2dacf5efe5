import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { insertManyItems } from '../../src/knowledge/insert-many.js';
import { organisations } from '../../src/partners/schema.js';
import { migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import { generateItem, random } from './generate.js';

const admin = 'postgres://postgres@127.0.0.1:5432/test';
await runOnServer(admin, 'drop database if exists kb_probe with (force)');
await runOnServer(admin, 'create database kb_probe');
const handle = await openDatabase({
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/kb_probe',
  poolSize: 2,
});
await migrateDatabase(handle);
await handle.db.transaction((tx) => seedReferenceData(tx));
const [org] = await handle.db
  .insert(organisations)
  .values({ name: 'Probe org', actorType: 'ngo' })
  .returning({ id: organisations.id });
const N = Number(process.argv[2] ?? 5000);
const rand = random(1);
const ids = Array.from({ length: N }, () => randomUUID());
const items = Array.from({ length: N }, (_, i) =>
  generateItem(rand, i, [org?.id ?? ''], (k) => ids[k] ?? ''),
);
const t = performance.now();
for (let s = 0; s < N; s += 1000) await insertManyItems(handle.db, items.slice(s, s + 1000));
console.log('insert ms', performance.now() - t);
await handle.db.execute(sql`analyze knowledge_items`);
await handle.close();
