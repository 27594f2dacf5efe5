// The knowledge capability's public surface: other capabilities import from here, never from its store.
export { loadDemoKnowledge } from './demo.js';
export { type SearchRequest, searchKnowledge } from './search.js';
