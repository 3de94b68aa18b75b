// Pure geometry of the overview strip: its bins, its histogram, and the
// brush that shows and sets the range the timeline shows. No DOM here.
import type { Bin } from "../api/types";
import { DAY, dayStart, isoDay } from "./layout";

/** The narrowest range the brush sets. */
export const MIN_SPAN = DAY;
/** The widest, as the timeline's zoom allows. */
export const MAX_SPAN = 200 * 365 * DAY;

export interface OverviewBins {
  from: string;
  to: string;
  /** The width of a bin in days. */
  days: number;
}

/**
 * Bins covering the days `first` to `last`: 200 to 400 of them when the
 * span has that many days (a day wide when it has fewer). Bins of a week or
 * more are whole weeks from a week's first day, which the backend answers
 * from its weekly totals.
 */
export function overviewBins(first: string, last: string, most = 400): OverviewBins {
  const a = Math.floor(dayStart(first) / DAY);
  const b = Math.floor(dayStart(last) / DAY);
  const span = b - a + 1;
  let days = Math.max(1, Math.ceil(span / most));
  if (days < 7) return { from: first, to: isoDay((a + Math.ceil(span / days) * days - 1) * DAY), days };
  days = Math.ceil(days / 7) * 7;
  // Days since 1970-01-01 that are multiples of 7 start a week.
  const start = Math.floor(a / 7) * 7;
  const count = Math.ceil((b - start + 1) / days);
  return { from: isoDay(start * DAY), to: isoDay((start + count * days - 1) * DAY), days };
}

/** A linear map between times and pixels, and back. */
export interface Axis {
  x: (t: number) => number;
  t: (x: number) => number;
}

export function axis(domain: [number, number], range: [number, number]): Axis {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0 || 1);
  return { x: (t) => r0 + (t - d0) * k, t: (x) => d0 + (x - r0) / k };
}

export interface HistogramBar {
  x: number;
  width: number;
  height: number;
  count: number;
}

/**
 * A bar per bin (every lane summed), as tall as its count against the
 * largest, in a strip `height` pixels tall; `total` counts every bin.
 */
export function histogram(bins: Bin[], days: number, x: (t: number) => number, height: number): { bars: HistogramBar[]; total: number } {
  const byStart = new Map<string, number>();
  let total = 0;
  for (const b of bins) {
    byStart.set(b.start, (byStart.get(b.start) ?? 0) + b.count);
    total += b.count;
  }
  let max = 0;
  for (const n of byStart.values()) max = Math.max(max, n);
  const bars: HistogramBar[] = [];
  for (const [start, count] of byStart) {
    if (count <= 0) continue;
    const t0 = dayStart(start);
    const x0 = x(t0);
    const x1 = x(t0 + days * DAY);
    // At least a pixel tall, so that a lone event shows.
    bars.push({ x: x0, width: Math.max(1, x1 - x0), height: Math.max(1, (height * count) / max), count });
  }
  return { bars, total };
}

/** The brush's left and right edges in pixels: the range shown, cut to the
 * strip from `left` to `right`, at least `min` pixels wide. */
export function brushEdges(view: [number, number], a: Axis, left: number, right: number, min = 4): [number, number] {
  let x0 = Math.max(left, Math.min(right, a.x(view[0])));
  let x1 = Math.max(left, Math.min(right, a.x(view[1])));
  if (x1 - x0 < min) {
    const mid = Math.max(left + min / 2, Math.min(right - min / 2, (x0 + x1) / 2));
    x0 = mid - min / 2;
    x1 = mid + min / 2;
  }
  return [x0, x1];
}

/** What a press at `px` does: move an edge of the brush, move the whole
 * brush, or draw a new one. */
export type BrushMode = "start" | "end" | "move" | "new";

/** `strip`: the strip's width in pixels. A brush over most of it (all
 * events shown, as at start) leaves no room to draw a new one beside it,
 * so a drag inside it draws one. */
export function brushMode(px: number, edges: [number, number], strip = Infinity, slop = 5): BrushMode {
  const [x0, x1] = edges;
  // On a narrow brush, the edges take the pixels beside it, the middle moves it.
  if (Math.abs(px - x0) <= slop && px < (x0 + x1) / 2) return "start";
  if (Math.abs(px - x1) <= slop && px > (x0 + x1) / 2) return "end";
  if (px > x0 && px < x1 && x1 - x0 < 0.9 * strip) return "move";
  return "new";
}

function clampSpan(a: number, b: number): [number, number] {
  const w = b - a;
  if (w < MIN_SPAN) {
    const mid = (a + b) / 2;
    return [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
  }
  if (w > MAX_SPAN) {
    const mid = (a + b) / 2;
    return [mid - MAX_SPAN / 2, mid + MAX_SPAN / 2];
  }
  return [a, b];
}

/**
 * The range a drag sets: the drag pressed at time `t0` with the range
 * `from` shown, and is now at time `t1`. An edge stops short of the other
 * edge; a new brush spans from the press to the pointer.
 */
export function dragBrush(mode: BrushMode, from: [number, number], t0: number, t1: number): [number, number] {
  const d = t1 - t0;
  switch (mode) {
    case "move":
      return [from[0] + d, from[1] + d];
    case "start":
      return [Math.min(from[0] + d, from[1] - MIN_SPAN), from[1]];
    case "end":
      return [from[0], Math.max(from[1] + d, from[0] + MIN_SPAN)];
    case "new":
      return clampSpan(Math.min(t0, t1), Math.max(t0, t1));
  }
}

/** The range shown, moved to be centred on `t` (a click beside the brush). */
export function centreOn(view: [number, number], t: number): [number, number] {
  const w = view[1] - view[0];
  return [t - w / 2, t + w / 2];
}
