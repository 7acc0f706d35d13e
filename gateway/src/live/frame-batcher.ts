/** The TCP connection under a subscriber's WebSocket (its upgrade request's socket): writes can be held. */
export interface Transport {
  cork(): void;
  uncork(): void;
}

/**
 * Gathers the frames written to each connection during one turn of the event loop into one write. Each write is
 * a system call and a wake-up of the reader: with 1,000 subscribers that was about 8 µs of the gateway's kernel
 * time a frame. Under load several events are broadcast in one turn, and a subscriber's frames of all of them
 * then leave together; an event alone waits for nothing but the end of the turn. Measured with windows of 10
 * and 25 ms as well, which did not do markedly better than the turn alone (docs/decisions/0006-write-path.md).
 */
export class FrameBatcher {
  private readonly held = new Set<Transport>();
  private immediate: NodeJS.Immediate | null = null;

  /** Call before writing a frame to `transport`: the connection is corked until this turn ends. */
  hold(transport: Transport): void {
    if (this.held.has(transport)) return;
    transport.cork();
    this.held.add(transport);
    this.immediate ??= setImmediate(() => this.flush());
  }

  /** Writes out everything held now (on shutdown). */
  flush(): void {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    // Frames keep their order: they wait in the connection's own buffer, behind any written before.
    for (const transport of this.held) transport.uncork();
    this.held.clear();
  }
}
