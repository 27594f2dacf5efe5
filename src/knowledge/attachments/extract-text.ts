// The searchable text of a PDF or Word attachment, read in a worker thread with bounded size, time and memory.
import { AppError } from '../../platform/errors.js';
import { startModuleWorker } from '../../platform/module-worker.js';
import type { ExtractJob, ExtractReply } from './extract-worker.js';
import { ATTACHMENT_LIMITS, isAttachmentType } from './limits.js';

/** Below the request thread, as the upload readers run (see src/uploads/read-in-worker.ts). */
const READER_NICENESS = 10;

export type ExtractLimits = { bytes: number; readingMs: number; heapMb: number };

/**
 * At most about two million characters of text (limits.ts); a file with no text layer (a scan) gives ''.
 * Throws attachment_type_unsupported, attachment_too_large or attachment_unreadable, each saying what to do.
 */
export async function extractText(
  bytes: Uint8Array,
  mediaType: string,
  limits: ExtractLimits = ATTACHMENT_LIMITS,
): Promise<string> {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!isAttachmentType(type))
    throw new AppError(
      'attachment_type_unsupported',
      `Attachments of type ${type || 'unknown'} cannot be searched; attach the document as a PDF or a Word (.docx) file.`,
    );
  if (bytes.byteLength > limits.bytes)
    throw new AppError(
      'attachment_too_large',
      `The attachment is ${megabytes(bytes.byteLength)} MB; the largest accepted is ${megabytes(limits.bytes)} MB. Attach a smaller copy, or split the document.`,
    );
  // A copy of its own: the worker takes the copy's memory, and a Buffer's slice() would be a view that hands
  // over the caller's bytes (and, for small Buffers, the pool other Buffers share).
  const reply = await readInWorker({ bytes: new Uint8Array(bytes), mediaType: type }, limits);
  if (reply.type === 'unreadable')
    throw new AppError('attachment_unreadable', `The attachment ${reply.reason}.`);
  return reply.text;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/** The worker's answer, or an attachment_unreadable error when it takes too long, runs out of memory or dies. */
function readInWorker(job: ExtractJob, limits: ExtractLimits): Promise<ExtractReply> {
  const worker = startModuleWorker(
    import.meta.url,
    'extract-worker',
    {
      workerData: job,
      transferList: [job.bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
    },
    READER_NICENESS,
  );
  const seconds = Math.round(limits.readingMs / 1000);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<ExtractReply>((resolve, reject) => {
    const fail = (reason: string) =>
      reject(new AppError('attachment_unreadable', `The attachment ${reason}.`));
    timer = setTimeout(
      () =>
        fail(
          `took longer than ${seconds} seconds to read; save it again (for example with "Save as PDF") and attach the new copy`,
        ),
      limits.readingMs,
    );
    worker.once('message', (reply: ExtractReply) => resolve(reply));
    worker.once('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'needs more memory to read than this server allows; save it again or split it, and attach the new copy'
          : 'could not be read (the file is damaged or not what its type says)',
      ),
    );
    worker.once('exit', () => fail('could not be read (the reader stopped before the end)'));
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}
