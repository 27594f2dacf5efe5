// The messages the upload worker sends to the importer that started it.
import type { UploadItem } from './read-upload.js';
import type { RefusalData } from './refusal.js';

export type WorkerMessage =
  | { type: 'batch'; items: UploadItem[] }
  | { type: 'end' }
  | { type: 'refused'; refusal: RefusalData }
  | { type: 'unreadable'; message: string; isDamaged: boolean };
