// Where the check's contacts come from: a deployment's checked file, the demo's examples only while the demo is
// loaded, otherwise none; and the register asked only about an agency the person named.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoContactsRefused } from '../contacts.js';
import demoDirectory from '../data/contacts.demo.json' with { type: 'json' };
import { contactsSource, registerQueryOf } from './service.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'offer-check-contacts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const never = async () => {
  throw new Error('the demo is not asked about when a file is configured');
};

describe('the contacts the check shows', () => {
  it('reads a checked directory file, and refuses one marked as example data', async () => {
    const checked = {
      ...demoDirectory,
      isDemo: false,
      destinations: demoDirectory.destinations.map((destination) => ({ ...destination, isDemo: false })),
    };
    const file = path.join(dir, 'checked.json');
    await writeFile(file, JSON.stringify(checked));
    const contacts = await contactsSource({ file, hasDemoDataset: never });
    expect((await contacts())?.isDemo).toBe(false);
    const demoFile = path.join(dir, 'demo.json');
    await writeFile(demoFile, JSON.stringify(demoDirectory));
    await expect(contactsSource({ file: demoFile, hasDemoDataset: never })).rejects.toThrow(
      DemoContactsRefused,
    );
  });

  it('shows the example directory only while the demo dataset is loaded', async () => {
    const withDemo = await contactsSource({ file: undefined, hasDemoDataset: async () => true });
    expect((await withDemo())?.isDemo).toBe(true);
    const without = await contactsSource({ file: undefined, hasDemoDataset: async () => false });
    expect(await without()).toBeNull();
  });
});

describe('the register query', () => {
  it('asks about the agency named, where the person is recruited, and not at all without a name', () => {
    expect(registerQueryOf({ agency_name: 'Invented Agency', citizenship_country: 'PHL' })).toEqual({
      name: 'Invented Agency',
      country: 'PHL',
    });
    expect(registerQueryOf({ agency_licence_number: 'EX-1', citizenship_country: 'unknown' })).toEqual({
      licenceNumber: 'EX-1',
    });
    expect(registerQueryOf({ offered_by: 'agency' })).toBeNull();
  });
});
