// The partners capability's public surface: other capabilities import from here, never from its store.
export { DEMO_MECHANISMS, demoOrganisationIds, loadDemoPartners } from './demo.js';
export { findLikelyDuplicates } from './duplicates.js';
export {
  confirmOrganisation,
  type ProvisionalOrganisation,
  registerProvisionalOrganisations,
} from './provisional.js';
export { coordinationMechanisms, mechanismMembers, organisations } from './schema.js';
