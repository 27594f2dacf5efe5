// The shapes of partner organisations in the API.
import { z } from 'zod';
import { PlainText } from '../access/schemas.js';
import { Language } from '../reference/schemas.js';
import { ActorType, Iso3 } from '../reference/vocabulary.js';

export const Organisation = z.object({
  id: z.uuid(),
  name: z.string(),
  names: z.partialRecord(Language, z.string()),
  acronym: z.string().nullable(),
  actorType: ActorType,
  headquartersIso3: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationList = z.object({ data: z.array(Organisation) });
export const OrganisationResponse = z.object({ data: Organisation });

export const CreateOrganisationRequest = z
  .object({
    name: PlainText(300),
    names: z.partialRecord(Language, PlainText(300)).default({}),
    acronym: PlainText(30).optional(),
    actorType: ActorType,
    headquartersIso3: Iso3.optional(),
  })
  .strict();

export const UpdateOrganisationRequest = CreateOrganisationRequest.partial().strict();

export const OrganisationQuery = z
  .object({
    q: z.string().trim().max(200).optional().describe('Part of the name or acronym'),
    actorType: ActorType.optional(),
  })
  .strict();
