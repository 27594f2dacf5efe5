// This installation's software version, from the package's own package.json (found from source or built).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'concerted' && manifest.version) return manifest.version;
    } catch {
      // Not here: one folder up.
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

export const SOFTWARE_VERSION = findVersion();
