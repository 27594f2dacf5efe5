// Reads a raw request body into memory up to a declared limit: refused by Content-Length before a byte is
// read, or the moment the stream passes the limit when the length is not declared.
import type { Readable } from 'node:stream';
import { AppError } from '../platform/errors.js';
import type { UploadLimitName } from './limits.js';
import { UploadRefused } from './refusal.js';

export function refuseDeclaredLength(
  contentLength: string | undefined,
  limit: UploadLimitName,
  value: number,
) {
  const declared = Number(contentLength);
  if (contentLength !== undefined && Number.isFinite(declared) && declared > value)
    throw new UploadRefused(limit, 'body', `a body of ${declared.toLocaleString('en')} bytes`, value);
}

/**
 * The whole body as one Uint8Array of its own (ready to move to a worker). Past the limit it stops
 * reading without destroying the socket, so that the client still receives the refusal.
 */
export function readBodyWithin(body: Readable, limit: UploadLimitName, value: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= value) return void chunks.push(chunk);
      body.off('data', onData);
      body.off('end', onEnd);
      body.pause();
      chunks.length = 0;
      reject(
        new UploadRefused(limit, 'body', `a body of more than ${value.toLocaleString('en')} bytes`, value),
      );
    };
    let hasEnded = false;
    const onEnd = () => {
      hasEnded = true;
      resolve(joined(chunks, length));
    };
    body.on('data', onData);
    body.on('end', onEnd);
    body.once('error', reject);
    // A client that hangs up mid-file ends the stream without 'end'; without this the import would wait
    // for ever and hold its slot.
    body.once('close', () => {
      if (!hasEnded)
        reject(
          new AppError('validation_failed', 'The upload ended before the whole file arrived; send it again.'),
        );
    });
  });
}

function joined(chunks: readonly Buffer[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
