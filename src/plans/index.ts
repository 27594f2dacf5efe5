// The plans capability's public surface: other capabilities import from here, never from its store.
export { type PlanProgressInCountry, planProgressInCountry } from './country-progress.js';
