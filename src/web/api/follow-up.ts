// A case's follow-up addresses (services delivered, the case plan, closure and reopening), typed by the
// shapes the server declares in src/cases/follow-up/schemas.ts.
import type { z } from 'zod';
import type { CaseServices, PlanView, ServiceRecord } from '../../cases/follow-up/schemas.js';
import { casePath } from './cases.js';
import { useApiResource } from './useApiResource.js';

export type { PlanView, ServiceRecord };
export type ServicesResponse = { data: z.infer<typeof CaseServices> };
export type PlanResponse = { data: PlanView };

export const useCaseServices = (id: string) => useApiResource<ServicesResponse>(casePath(id, '/services'));
export const useCasePlan = (id: string) => useApiResource<PlanResponse>(casePath(id, '/plan'));
