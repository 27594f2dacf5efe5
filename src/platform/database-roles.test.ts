import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  checkOwnerRole,
  checkRequestRole,
  derivedLoginPassword,
  requestConnectionUrl,
  scramVerifier,
} from './database-roles.js';

describe('the request connection', () => {
  it('logs in as the login role with a password derived from, and different from, the owner’s', () => {
    const url = new URL(requestConnectionUrl('postgres://owner:s3cret%21@db.example.org:5433/concerted'));
    expect(url.username).toBe('concerted_app_login');
    expect(url.host).toBe('db.example.org:5433');
    expect(url.pathname).toBe('/concerted');
    expect(decodeURIComponent(url.password)).toBe(derivedLoginPassword('s3cret!'));
    expect(derivedLoginPassword('s3cret!')).not.toContain('s3cret');
    expect(derivedLoginPassword('s3cret!')).not.toBe(derivedLoginPassword('s3cret?'));
  });

  it('keeps no password when the owner has none (trust or peer authentication)', () => {
    expect(requestConnectionUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://concerted_app_login@127.0.0.1:5432/test',
    );
  });

  it('uses DATABASE_APP_URL as given when it is set', () => {
    expect(requestConnectionUrl('postgres://a@h/d', 'postgres://b:c@h/d')).toBe('postgres://b:c@h/d');
  });

  it('refuses a request role that is a superuser or bypasses policies, and an owner that cannot', () => {
    const facts = { name: 'x', isSuperuser: false, bypassesRls: false };
    expect(() => checkRequestRole(facts)).not.toThrow();
    expect(() => checkRequestRole({ ...facts, bypassesRls: true })).toThrow(/bypasses row-level security/);
    expect(() => checkRequestRole({ ...facts, isSuperuser: true })).toThrow(/is a superuser/);
    expect(() => checkOwnerRole(facts)).toThrow(/BYPASSRLS/);
    expect(() => checkOwnerRole({ ...facts, isSuperuser: true })).not.toThrow();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the SCRAM verifier on PostgreSQL', () => {
  it('is stored as given, so the password itself never reaches the server', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    const role = `concerted_scram_${randomBytes(4).toString('hex')}`;
    const verifier = scramVerifier('an invented password');
    try {
      await client.query(`create role ${role} login password '${verifier}'`);
      const { rows } = await client.query('select rolpassword from pg_authid where rolname = $1', [role]);
      expect(rows[0]?.rolpassword).toBe(verifier);
      expect(verifier).toMatch(
        /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}$/,
      );
    } finally {
      await client.query(`drop role if exists ${role}`);
      await client.end();
    }
  });
});
