// A bounded log of one stage's ffmpeg output: organisers read the last lines when a stream
// misbehaves, and a chatty or long-running child never grows the server's memory.
export class RingLog {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly capacity = 500) {}

  /** Takes raw output; splits it into lines (ffmpeg ends progress lines with \r). */
  write(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) this.push(line);
  }

  /** One line from the server itself ("started", "exited with code 1"), stamped. */
  note(line: string, now = Date.now()): void {
    this.push(`${new Date(now).toISOString()} [server] ${line}`);
  }

  private push(line: string): void {
    this.lines.push(line.length > 1000 ? `${line.slice(0, 1000)}…` : line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  tail(n = this.capacity): string[] {
    return this.lines.slice(-n);
  }
}
