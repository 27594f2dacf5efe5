// A bounded number of imports at once and a short queue; beyond it a request is refused at once with
// Retry-After, before its body is read, so a burst of uploads cannot pile up in memory.
import { AppError } from '../platform/errors.js';
import { UPLOAD_LIMITS } from './limits.js';

export type ImportSlotsOptions = { concurrent: number; queued: number; retryAfterSeconds: number };

export class ImportsBusy extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'imports_busy',
      `The server is already running as many imports as it may, with others waiting; send the file again in ${retryAfterSeconds} seconds.`,
    );
  }
}

export class ImportSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly options: ImportSlotsOptions = {
      concurrent: UPLOAD_LIMITS.concurrentImports.value,
      queued: UPLOAD_LIMITS.queuedImports.value,
      retryAfterSeconds: 30,
    },
  ) {}

  /** Resolves with the function that frees the slot (call it once, however the import ends). */
  async acquire(): Promise<() => void> {
    if (this.running >= this.options.concurrent) {
      if (this.waiting.length >= this.options.queued) throw new ImportsBusy(this.options.retryAfterSeconds);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    let isFreed = false;
    return () => {
      if (isFreed) return;
      isFreed = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in the queue, so `running` stays the same.
      if (next) next();
      else this.running--;
    };
  }

  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }
}
