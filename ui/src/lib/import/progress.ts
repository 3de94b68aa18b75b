// Pure helpers for the import progress bar: what is left, and how long.

/** "about 40 s left", "about 3 min left", or "" until the estimate means something. */
export function timeLeft(done: number, total: number, elapsedMs: number): string {
  if (done < 2 || done >= total || elapsedMs < 1000) return "";
  const seconds = ((total - done) * elapsedMs) / done / 1000;
  if (seconds < 60) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3600);
  return `about ${hours} h ${Math.round((seconds - hours * 3600) / 60)} min left`;
}

/** The last part of a path, for a line that has little room. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** "Imported 12 articles (30 events) · 1 updated · 3 already present · 2 failed" */
export function summaryLine(s: {
  imported: number;
  updated: number;
  events: number;
  alreadyPresent: number;
  failed: unknown[];
  cancelled: boolean;
  stopped?: string | null;
}): string {
  const parts = [`Imported ${s.imported} article${s.imported === 1 ? "" : "s"} (${s.events} events)`];
  if (s.updated) parts.push(`${s.updated} updated`);
  if (s.alreadyPresent) parts.push(`${s.alreadyPresent} already present`);
  if (s.failed.length) parts.push(`${s.failed.length} failed`);
  if (s.cancelled) parts.push("cancelled: the rest was not read");
  if (s.stopped) parts.push(`stopped: ${s.stopped}`);
  return parts.join(" · ");
}
