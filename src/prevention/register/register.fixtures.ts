// Invented agencies, licences and authorities for the tests: no real firm, number or ministry.
import { type AgencyRecord, AgencyRecord as AgencyRecordSchema, type Licence } from './schemas.js';

export const MINISTRY = 'Ministry of Labour of Examplestan';

export function licence(fields: Partial<Licence> = {}): Licence {
  return {
    number: 'EX-001',
    issuingAuthority: MINISTRY,
    status: 'active',
    validFrom: '2024-01-01',
    validUntil: '2025-12-31',
    statusSince: null,
    statusUntil: null,
    ...fields,
  };
}

/** An agency with no licence, inspection, complaint or sanction unless given; checked against its schema. */
export function agency(fields: Partial<AgencyRecord> = {}): AgencyRecord {
  return AgencyRecordSchema.parse({
    name: 'Atlas Recruitment Ltd',
    otherNames: [],
    kind: 'recruitment',
    country: 'PHL',
    address: null,
    registrationNumber: null,
    licences: [],
    inspections: [],
    complaints: [],
    sanctions: [],
    ...fields,
  });
}

/** A small register: two licensed, one lapsed, one revoked, two with nearly the same name, one elsewhere. */
export function exampleRegister(): AgencyRecord[] {
  return [
    agency({
      id: 'atlas',
      name: 'Atlas Recruitment Ltd',
      otherNames: ['Atlas Manpower'],
      licences: [licence({ number: 'POEA-123-LB', validFrom: '2024-01-01', validUntil: '2027-12-31' })],
    }),
    agency({
      id: 'etoile',
      name: 'Agence Étoile S.A.R.L.',
      kind: 'modelling',
      country: 'SEN',
      licences: [licence({ number: 'SN 2024/77', issuingAuthority: 'Ministère du Travail (exemple)' })],
    }),
    agency({
      id: 'horizon',
      name: 'Horizon Overseas Placement Inc.',
      licences: [licence({ number: 'POEA-200-LB', validFrom: '2021-01-01', validUntil: '2023-12-31' })],
    }),
    agency({
      id: 'sunrise-1',
      name: 'Sunrise Manpower Services',
      licences: [licence({ number: 'POEA-301-LB', validUntil: '2027-12-31' })],
    }),
    agency({
      id: 'sunrise-2',
      name: 'Sunrise Manpower Service Co.',
      licences: [licence({ number: 'POEA-302-LB', validUntil: '2027-12-31' })],
    }),
    agency({
      id: 'golden',
      name: 'Golden Gate Travel and Tours',
      kind: 'travel',
      licences: [licence({ number: 'DOT-9', status: 'revoked', statusSince: '2025-03-01' })],
    }),
  ];
}
