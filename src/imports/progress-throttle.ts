// Keeps a job's stored progress fresh without a write per row: at most one write per interval, the
// latest value always written in the end, and never two writes at once.
import type { ImportJobProgress } from './schemas.js';

export const PROGRESS_INTERVAL_MS = 500;

export class ProgressThrottle {
  private latest: ImportJobProgress | null = null;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private writing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private isStopped = false;

  constructor(
    private readonly write: (progress: ImportJobProgress) => Promise<void>,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  note(progress: ImportJobProgress): void {
    if (this.isStopped) return;
    this.latest = progress;
    this.writeWhenDue();
  }

  /** Stops writing; resolves once a write already begun has ended (the final state is written after). */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
  }

  private writeWhenDue(): void {
    if (this.isStopped || this.writing || this.latest === null) return;
    const wait = this.lastWriteAt + this.intervalMs - this.now();
    if (wait > 0) {
      // The value noted last is written once the interval has passed, even if nothing more is noted.
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.writeWhenDue();
      }, wait);
      this.timer.unref?.();
      return;
    }
    const progress = this.latest;
    this.latest = null;
    this.lastWriteAt = this.now();
    // A failed progress write loses only a progress figure: the import goes on.
    this.writing = this.write(progress)
      .catch(() => {})
      .finally(() => {
        this.writing = null;
        this.writeWhenDue();
      });
  }
}
