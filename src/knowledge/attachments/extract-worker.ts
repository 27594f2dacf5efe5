// The thread that reads one attachment, so that a hostile file can only exhaust this thread's time and heap.
import { parentPort, workerData } from 'node:worker_threads';
import { readDocxText } from './docx-text.js';
import { type AttachmentType, PDF } from './limits.js';
import { readPdfText } from './pdf-text.js';
import { UnreadableAttachment } from './unreadable.js';

export type ExtractJob = { bytes: Uint8Array; mediaType: AttachmentType };
export type ExtractReply = { type: 'text'; text: string } | { type: 'unreadable'; reason: string };

const port = parentPort;
if (!port) throw new Error('The attachment reader runs only as a worker thread.');

async function reply({ bytes, mediaType }: ExtractJob): Promise<ExtractReply> {
  try {
    const text = mediaType === PDF ? await readPdfText(bytes) : await readDocxText(bytes);
    return { type: 'text', text };
  } catch (error) {
    // Anything else a parser throws on a file is still the file's fault; its message may quote the file.
    if (error instanceof UnreadableAttachment) return { type: 'unreadable', reason: error.reason };
    return {
      type: 'unreadable',
      reason: 'could not be read (the file is damaged or not what its type says)',
    };
  }
}

port.postMessage(await reply(workerData as ExtractJob));
port.close();
