import { writeGlotipFile } from './generate.js';

const r = await writeGlotipFile(process.argv[2] as string, Number(process.argv[3]));
console.log(r.bytes, r.rows);
