// Serves the built web app with the demo data on http://127.0.0.1:PORT (default 3100), as the browser
// tests see it: for looking at pages by hand and taking screenshots (`npx tsx test/e2e/serve-demo.ts`).
import { withDemoReferrals } from '../../src/cases/demo-referrals.js';
import { startDemoServer } from './harness.js';

const port = Number(process.env.PORT ?? 3100);
// With the invented cases and referrals too, so that the referral inbox has something to show.
const app = await startDemoServer(port, withDemoReferrals);
process.stdout.write(`Demo server on http://127.0.0.1:${port}\n`);
const stop = () => {
  app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
