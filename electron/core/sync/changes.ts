/**
 * A cheap change counter for live refresh across desks: every committed write bumps the sequence and
 * notes its topic (the method's prefix, e.g. "requests" for "requests.dispatch"). Desks poll with the
 * last sequence they saw and reload only the views whose topics changed.
 */
export class ChangeFeed {
  private seq = 0;
  private readonly recent: { seq: number; topic: string }[] = [];

  constructor(private readonly keep = 2000) {}

  bump(method: string): void {
    this.seq += 1;
    this.recent.push({ seq: this.seq, topic: method.split('.')[0] ?? method });
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
  }

  /** Topics changed after `since`; ['*'] when `since` is older than what is kept (reload everything). */
  since(since: number): { seq: number; topics: string[] } {
    if (since >= this.seq) return { seq: this.seq, topics: [] };
    const oldest = this.recent[0]?.seq ?? this.seq + 1;
    if (since < oldest - 1 || since < 0) return { seq: this.seq, topics: ['*'] };
    return { seq: this.seq, topics: [...new Set(this.recent.filter((c) => c.seq > since).map((c) => c.topic))] };
  }

  get current(): number {
    return this.seq;
  }
}
