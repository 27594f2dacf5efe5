// Where a change to an activity came from, read from the `via` recorded with each version.
import type { ChangeSource } from './schemas.js';

const FORMATS = new Set(['csv', 'xlsx', 'hxl', 'iati']);

/**
 * `via` is written by the use cases: "web" (a signed-in browser), "api" (a token, or any request
 * before the two were told apart), "import <file or format>", "cli import <file>", "demo".
 */
export function changeSource(via: string): ChangeSource {
  if (via === 'web' || via === 'api' || via === 'demo') return { channel: via, file: null };
  const imported = /^(cli )?import (.+)$/.exec(via);
  if (imported) {
    const name = imported[2] ?? '';
    return {
      channel: imported[1] ? 'command_line' : 'import',
      file: FORMATS.has(name) ? null : name,
    };
  }
  return { channel: 'api', file: null };
}
