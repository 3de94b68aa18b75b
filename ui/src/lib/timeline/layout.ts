// Pure layout of timeline marks: lanes, rows that avoid overlap, and hit
// testing. No DOM here, so it is tested on its own.
import type { Bin, EventSummary, EventType } from "../api/types";

export const TYPE_ORDER: EventType[] = [
  "meeting",
  "call",
  "visit",
  "summit",
  "agreement",
  "exercise",
  "patrol",
  "port_call",
];

export const TYPE_LABEL: Record<EventType, string> = {
  meeting: "Meeting",
  call: "Call",
  visit: "Visit",
  summit: "Summit",
  agreement: "Agreement",
  exercise: "Exercise",
  patrol: "Patrol",
  port_call: "Port call",
};

/** Milliseconds of a day, the unit of the time axis. */
export const DAY = 86_400_000;

/** UTC midnight of an ISO day `YYYY-MM-DD`. */
export function dayStart(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
}

/** The time span an event covers: from its first day to the end of its last. */
export function span(e: EventSummary): [number, number] {
  return [dayStart(e.start), dayStart(e.end) + DAY];
}

export type Grouping = "type" | "country" | "actor" | "none";

/** The lanes an event is drawn in: its type's, each of its countries' or
 * actors', or the one lane. */
function lanesOf(e: EventSummary, grouping: Grouping): string[] {
  if (grouping === "type") return [e.type];
  if (grouping === "country") return e.countries.length ? e.countries : [""];
  if (grouping === "actor") return e.actors.length ? e.actors : [""];
  return ["all"];
}

/** Lane keys in order: types in their fixed order; countries and actors by
 * how many events they hold, then by name; the lane of events without a
 * country or an actor last. */
function laneOrder(counts: Map<string, number>, grouping: Grouping): string[] {
  if (grouping === "type") return TYPE_ORDER.filter((t) => counts.has(t));
  return [...counts.keys()].sort(
    (a, b) => (a === "") !== (b === "") ? (a === "" ? 1 : -1) : (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
  );
}

/** The key of the lane the least busy countries or actors are folded into:
 * no country code or actor's name starts with a control character. */
export const OTHER = "\u0001other";
/** Lanes drawn at most: thousands of actors' lanes would each be a
 * sliver, and the canvas too tall to scroll. */
export const MAX_LANES = 40;

export function laneLabel(key: string, grouping: Grouping): string {
  if (key === OTHER) return "Other";
  if (grouping === "type") return TYPE_LABEL[key as EventType] ?? key;
  if (grouping === "country") return key || "No country";
  if (grouping === "actor") return key || "No actor";
  return "All events";
}

export interface LanePlan {
  /** Lane keys in the order drawn; OTHER among them when lanes were folded. */
  order: string[];
  /** Events per lane of `order`. OTHER's is the sum of the lanes folded
   * into it: as for any lane, an event of two countries counts in both. */
  counts: Map<string, number>;
  /** The keys folded into OTHER. */
  folded: Set<string>;
}

/**
 * The lanes to draw for the events per lane key: all of them when they are
 * at most `max`; else the busiest, then OTHER holding the rest, then the
 * lane of events without a country or an actor, `max` lanes in all.
 */
export function planLanes(counts: Map<string, number>, grouping: Grouping, max = MAX_LANES): LanePlan {
  const order = laneOrder(counts, grouping);
  if (order.length <= max) return { order, counts, folded: new Set() };
  const none = order[order.length - 1] === "" ? [""] : [];
  const named = none.length ? order.slice(0, -1) : order;
  const keep = named.slice(0, Math.max(1, max - 1 - none.length));
  const folded = new Set(named.slice(keep.length));
  let other = 0;
  for (const k of folded) other += counts.get(k) ?? 0;
  const merged = new Map(keep.map((k) => [k, counts.get(k) ?? 0]));
  merged.set(OTHER, other);
  for (const k of none) merged.set(k, counts.get(k) ?? 0);
  return { order: [...keep, OTHER, ...none], counts: merged, folded };
}

/** `text`, cut with an ellipsis to fit `width` as `measure` measures it. */
export function fitLabel(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  // By code points, so that no character is cut in half.
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${chars.slice(0, mid).join("")}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join("").trimEnd()}…`;
}

export interface Lane {
  key: string;
  label: string;
  count: number;
  top: number;
  height: number;
  /** Drawn as a thin row of its label and count, without its events. */
  collapsed: boolean;
}

export interface Mark {
  event: EventSummary;
  x: number;
  width: number;
  y: number;
  /** A point when the span is too narrow to see as a bar. */
  point: boolean;
  /** A month or year precision span: drawn soft, it is uncertainty not duration. */
  vague: boolean;
}

export interface Layout {
  lanes: Lane[];
  marks: Mark[];
  height: number;
}

export const ROW = 18;
export const LANE_PAD = 10;
export const POINT_RADIUS = 5;
const MIN_BAR = 8;
/** The height of a collapsed lane. */
export const COLLAPSED_LANE = 22;
const NO_KEYS: ReadonlySet<string> = new Set();

/** A lane's events as a layout keeps them whatever the scale: sorted by
 * start, then id, with their spans (times). */
export interface LaneEvents {
  key: string;
  label: string;
  count: number;
  events: EventSummary[];
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * The part of a layout that depends on the events and the grouping only:
 * the lanes in order (folded as `planLanes` folds them) and their events
 * sorted. Kept while panning and zooming, so that a frame only places.
 */
export function prepareLayout(events: EventSummary[], grouping: Grouping): LaneEvents[] {
  const byLane = new Map<string, EventSummary[]>();
  for (const e of events) {
    for (const k of lanesOf(e, grouping)) {
      const list = byLane.get(k);
      if (list) list.push(e);
      else byLane.set(k, [e]);
    }
  }
  const plan = planLanes(new Map([...byLane].map(([k, l]) => [k, l.length])), grouping);
  if (plan.folded.size) {
    // An event of several folded lanes is drawn once in "Other".
    const other = new Map<number, EventSummary>();
    for (const k of plan.folded) {
      for (const e of byLane.get(k) ?? []) other.set(e.id, e);
      byLane.delete(k);
    }
    byLane.set(OTHER, [...other.values()]);
  }
  return plan.order.map((key) => {
    // By start time: the order of the ISO days, without comparing strings.
    const sorted = (byLane.get(key) ?? []).map((e) => ({ e, s: span(e) }));
    sorted.sort((a, b) => a.s[0] - b.s[0] || a.e.id - b.e.id);
    return {
      key,
      label: laneLabel(key, grouping),
      count: plan.counts.get(key) ?? 0,
      events: sorted.map((i) => i.e),
      starts: Float64Array.from(sorted, (i) => i.s[0]),
      ends: Float64Array.from(sorted, (i) => i.s[1]),
    };
  });
}

/**
 * Places prepared lanes on a scale: each event in the first row of its
 * lane where it overlaps nothing already placed. The lanes whose keys are
 * in `collapsed` hold no marks.
 */
export function placeLayout(
  prepared: readonly LaneEvents[],
  x: (t: number) => number,
  top = 0,
  collapsed: ReadonlySet<string> = NO_KEYS,
): Layout {
  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  let y = top;
  for (const { key, label, count, events, starts, ends } of prepared) {
    if (collapsed.has(key)) {
      lanes.push({ key, label, count, top: y, height: COLLAPSED_LANE, collapsed: true });
      y += COLLAPSED_LANE;
      continue;
    }
    const rowEnds: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const x0 = x(starts[i]);
      const x1 = x(ends[i]);
      const point = x1 - x0 < MIN_BAR;
      const left = point ? (x0 + x1) / 2 - POINT_RADIUS : x0;
      const right = point ? (x0 + x1) / 2 + POINT_RADIUS : x1;
      let row = 0;
      while (row < rowEnds.length && !(rowEnds[row] + 2 <= left)) row++;
      rowEnds[row] = right;
      marks.push({
        event: e,
        x: point ? (x0 + x1) / 2 : x0,
        width: point ? 0 : x1 - x0,
        y: y + LANE_PAD + row * ROW + ROW / 2,
        point,
        vague: e.precision === "month" || e.precision === "year",
      });
    }
    const height = LANE_PAD * 2 + Math.max(1, rowEnds.length) * ROW;
    lanes.push({ key, label, count, top: y, height, collapsed: false });
    y += height;
  }
  return { lanes, marks, height: y - top };
}

/**
 * Places every event: grouped into lanes, each in the first row of its
 * lane where it overlaps nothing already placed. The lanes whose keys are
 * in `collapsed` hold no marks.
 */
export function layout(
  events: EventSummary[],
  x: (t: number) => number,
  grouping: Grouping,
  top = 0,
  collapsed: ReadonlySet<string> = NO_KEYS,
): Layout {
  return placeLayout(prepareLayout(events, grouping), x, top, collapsed);
}

/** The lane whose label is under a point: left of `right`, the gutter's
 * edge. */
export function hitLane(lanes: readonly Lane[], px: number, py: number, right: number): Lane | undefined {
  if (px < 0 || px >= right) return undefined;
  return lanes.find((l) => py >= l.top && py < l.top + l.height);
}

/** The mark under a point, the nearest when several are. */
export function hitTest(marks: Mark[], px: number, py: number, slop = 3): Mark | undefined {
  let best: Mark | undefined;
  let bestDist = Infinity;
  for (const m of marks) {
    if (Math.abs(py - m.y) > ROW / 2) continue;
    const dist = m.point
      ? Math.abs(px - m.x)
      : px < m.x
        ? m.x - px
        : px > m.x + m.width
          ? px - m.x - m.width
          : 0;
    const reach = m.point ? POINT_RADIUS + slop : slop;
    if (dist <= reach && dist < bestDist) {
      best = m;
      bestDist = dist;
    }
  }
  return best;
}

/** The domain from the first day `lo` to the end of the last day `hi`
 * (times), with a margin each side; a default year when there is none. */
export function padded(lo: number, hi: number): [number, number] {
  if (!(lo <= hi)) {
    const now = Date.UTC(2024, 0, 1);
    return [now - 365 * DAY, now];
  }
  const pad = Math.max((hi - lo) * 0.05, 15 * DAY);
  return [lo - pad, hi + pad];
}

/** `YYYY-MM-DD` of the UTC day holding time `t`. */
export function isoDay(t: number): string {
  return new Date(Math.floor(t / DAY) * DAY).toISOString().slice(0, 10);
}

/** Bins for a domain drawn `pixels` wide: about one per `perBin` pixels,
 * a day wide or whole weeks starting on a week's first day (as the
 * backend's weekly totals are kept), covering the domain. */
export function binsFor(domain: [number, number], pixels: number, perBin = 6): { from: string; to: string; days: number } {
  const first = Math.floor(domain[0] / DAY);
  const last = Math.floor(domain[1] / DAY);
  const want = Math.max(1, Math.floor(pixels / perBin));
  const span = last - first + 1;
  if (span / want <= 1) return { from: isoDay(first * DAY), to: isoDay(last * DAY), days: 1 };
  const days = Math.ceil(span / want / 7) * 7;
  // Days since 1970-01-01 that are multiples of 7 start a week.
  const start = Math.floor(first / 7) * 7;
  const count = Math.ceil((last - start + 1) / days);
  return { from: isoDay(start * DAY), to: isoDay((start + count * days - 1) * DAY), days };
}

export interface DensityBar {
  lane: string;
  /** The bin's first day and the end of its last (times). */
  t0: number;
  t1: number;
  x: number;
  width: number;
  y: number;
  height: number;
  count: number;
}

export interface Density {
  lanes: Lane[];
  bars: DensityBar[];
  height: number;
}

export const DENSITY_LANE = 44;

/**
 * Counts drawn where marks would be too many: a bar per bin in each lane,
 * as tall as its count against the largest bin drawn. Lanes are folded as
 * `layout` folds them (a bin of "Other" sums the folded lanes' bins); the
 * lanes in `collapsed` hold no bars.
 */
export function density(
  bins: Bin[],
  days: number,
  x: (t: number) => number,
  grouping: Grouping,
  top = 0,
  collapsed: ReadonlySet<string> = NO_KEYS,
): Density {
  return placeDensity(prepareDensity(bins, days, grouping, top, collapsed), x);
}

/**
 * All of `density` but the scale: its bars have their times, rows and
 * heights, and x and width 0 until `placeDensity` places them. Kept while
 * panning and zooming, so that a frame only places.
 */
export function prepareDensity(
  bins: Bin[],
  days: number,
  grouping: Grouping,
  top = 0,
  collapsed: ReadonlySet<string> = NO_KEYS,
): Density {
  const totals = new Map<string, number>();
  for (const b of bins) totals.set(b.lane, (totals.get(b.lane) ?? 0) + b.count);
  const plan = planLanes(totals, grouping);
  // Counts by lane, then by the bin's first day.
  const byLane = new Map<string, Map<string, number>>();
  for (const b of bins) {
    const key = plan.folded.has(b.lane) ? OTHER : b.lane;
    let starts = byLane.get(key);
    if (!starts) byLane.set(key, (starts = new Map()));
    starts.set(b.start, (starts.get(b.start) ?? 0) + b.count);
  }
  let max = 0;
  for (const [key, starts] of byLane) {
    if (!collapsed.has(key)) for (const n of starts.values()) max = Math.max(max, n);
  }
  const lanes: Lane[] = [];
  const bars: DensityBar[] = [];
  let y = top;
  for (const key of plan.order) {
    const count = plan.counts.get(key) ?? 0;
    if (collapsed.has(key)) {
      lanes.push({ key, label: laneLabel(key, grouping), count, top: y, height: COLLAPSED_LANE, collapsed: true });
      y += COLLAPSED_LANE;
      continue;
    }
    const inner = DENSITY_LANE - LANE_PAD;
    for (const [start, n] of byLane.get(key) ?? []) {
      const t0 = dayStart(start);
      const t1 = t0 + days * DAY;
      const height = Math.max(2, (inner * n) / max);
      bars.push({ lane: key, t0, t1, x: 0, width: 0, y: y + DENSITY_LANE - height - LANE_PAD / 2, height, count: n });
    }
    lanes.push({ key, label: laneLabel(key, grouping), count, top: y, height: DENSITY_LANE, collapsed: false });
    y += DENSITY_LANE;
  }
  return { lanes, bars, height: y - top };
}

/** A prepared density's bars placed on a scale (new bars; the lanes shared). */
export function placeDensity(prepared: Density, x: (t: number) => number): Density {
  const bars = prepared.bars.map((b) => {
    const x0 = x(b.t0);
    return { ...b, x: x0, width: Math.max(1, x(b.t1) - x0 - 1) };
  });
  return { lanes: prepared.lanes, bars, height: prepared.height };
}

/** The density bar under a point. */
export function hitBar(bars: DensityBar[], px: number, py: number): DensityBar | undefined {
  return bars.find((b) => px >= b.x && px <= b.x + Math.max(b.width, 2) && py >= b.y - 4 && py <= b.y + b.height + 4);
}

/** A domain zoomed by `factor` (< 1 zooms in) around the time `at`. */
export function zoom(domain: [number, number], at: number, factor: number): [number, number] {
  const [a, b] = domain;
  const width = Math.min(Math.max((b - a) * factor, DAY / 4), 200 * 365 * DAY);
  const ratio = (at - a) / (b - a);
  return [at - width * ratio, at + width * (1 - ratio)];
}
