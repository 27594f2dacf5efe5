// The page's Content-Security-Policy forbids eval: zod must not compile its fast object parsers with
// `new Function`, nor even try to (the attempt alone is reported as a violation). Imported first by main.tsx,
// so that it runs before any module builds a schema.
import { z } from 'zod';

z.config({ jitless: true });
