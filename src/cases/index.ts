// The cases capability's public surface for other capabilities: they import from here, never from its store.

export { exportMicrodata, type MicrodataExport } from './exports.js';
export { staleVersion } from './store.js';
