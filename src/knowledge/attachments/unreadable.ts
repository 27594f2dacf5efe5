// The one failure a reader reports: the file is not what it claims, said so a person knows what to do.

/** `reason` completes "The attachment …" and is safe to show: it never quotes the file's content. */
export class UnreadableAttachment extends Error {
  constructor(readonly reason: string) {
    super(`The attachment ${reason}.`);
    this.name = 'UnreadableAttachment';
  }
}
