// The messages the upload worker sends to the importer that started it.
import type { FieldError } from '../platform/errors.js';
import type { UploadItem } from './read-upload.js';
import type { RefusalData } from './refusal.js';

export type WorkerMessage =
  | { type: 'batch'; items: UploadItem[] }
  | { type: 'end' }
  | { type: 'refused'; refusal: RefusalData }
  | { type: 'unreadable'; message: string; isDamaged: boolean }
  /** A problem the reader already explained (an XML limit of the IATI reader, say): passed on as it is. */
  | { type: 'problem'; code: string; detail: string; fields: FieldError[] | undefined };
