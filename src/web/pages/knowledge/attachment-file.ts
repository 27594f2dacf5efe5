// A file chosen for attaching, as the API takes it (base64 in JSON), and the refusals of a whole file that
// name no field of the request, so that the page can show them beside the file field all the same.
import { ATTACHMENT_LIMITS } from '../../../knowledge/attachments/limits.js';
import type { Problem } from '../../../platform/errors.js';
import type { MessageKey } from '../../i18n/messages.js';

export const MAX_FILE_BYTES = ATTACHMENT_LIMITS.bytes;

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      // A data: URL: "data:<type>;base64,<bytes>".
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const WHOLE_FILE: Readonly<Record<string, MessageKey>> = {
  attachment_too_large: 'problem.attachment_too_large',
  payload_too_large: 'problem.attachment_too_large',
  attachment_unreadable: 'problem.attachment_unreadable',
  attachment_type_unsupported: 'problem.attachment_type_unsupported',
};

/** The sentence for a refusal of the whole file, when the server marked no field for it. */
export function attachmentProblem(problem: Problem | null): MessageKey | null {
  if (!problem || (problem.errors?.length ?? 0) > 0) return null;
  return WHOLE_FILE[problem.code] ?? null;
}
