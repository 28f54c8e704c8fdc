// Warnings about one client's bad messages, at most one line per client per interval: a
// flooding or broken client must not fill the log (3 clients once wrote 1 537 lines). Lines
// held back are counted and reported with the next line, or when the client leaves.
export class ThrottledLog {
  private readonly last = new Map<string, { at: number; held: number }>();

  constructor(
    private readonly write: (line: string) => void = (line) => console.warn(line),
    private readonly everyMs = 10_000,
  ) {}

  warn(key: string, line: string, now = Date.now()): void {
    const e = this.last.get(key);
    if (e && now - e.at < this.everyMs) {
      e.held++;
      return;
    }
    this.write(e?.held ? `${line} (and ${e.held} similar lines held back)` : line);
    this.last.set(key, { at: now, held: 0 });
  }

  /** The client is gone: report what was held back and forget it. */
  close(key: string, summary: (held: number) => string): void {
    const e = this.last.get(key);
    this.last.delete(key);
    if (e?.held) this.write(summary(e.held));
  }
}
