import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { chooseListenHost } from '../server/listen-host.js';
import { type StartedServer, startServer } from './serve-command.js';

describe('the interface the server listens on', () => {
  it('listens everywhere without the demo dataset, and where HOST says when it is set', () => {
    expect(chooseListenHost(undefined, false)).toEqual({ host: '0.0.0.0', notice: null });
    expect(chooseListenHost('10.0.0.5', false)).toEqual({ host: '10.0.0.5', notice: null });
  });

  it('keeps the demo dataset on 127.0.0.1 unless HOST is set, and says how to change it', () => {
    const chosen = chooseListenHost(undefined, true);
    expect(chosen.host).toBe('127.0.0.1');
    expect(chosen.notice).toMatch(/public.*127\.0\.0\.1.*Set HOST/s);
  });

  it('obeys an explicit HOST with the demo dataset but warns when other machines can reach it', () => {
    expect(chooseListenHost('0.0.0.0', true)).toMatchObject({ host: '0.0.0.0', notice: /Warning/ });
    expect(chooseListenHost('127.0.0.1', true)).toEqual({ host: '127.0.0.1', notice: null });
  });
});

describe('concerted serve with the demo dataset', () => {
  let server: StartedServer | undefined;
  let dataDir: string | undefined;

  afterEach(async () => {
    await server?.app.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    server = undefined;
  });

  async function serve(env: Record<string, string>, demo: boolean) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-serve-'));
    const config = loadConfig({ ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
    server = await startServer(config, { demo });
    return (server.app.server.address() as AddressInfo).address;
  }

  it('listens on 127.0.0.1 when HOST is not set, and says so', async () => {
    expect(await serve({}, true)).toBe('127.0.0.1');
    expect(server?.notice).toMatch(/127\.0\.0\.1/);
  }, 60_000);

  it('listens on every interface when HOST=0.0.0.0 is set explicitly', async () => {
    expect(await serve({ HOST: '0.0.0.0' }, true)).toBe('0.0.0.0');
  }, 60_000);

  it('listens on every interface without the demo dataset', async () => {
    expect(await serve({}, false)).toBe('0.0.0.0');
    expect(server?.notice).toBeNull();
  }, 60_000);
});
