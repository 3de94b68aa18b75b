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

export type Grouping = "type" | "country" | "none";

/** The lanes an event is drawn in: its type's, each of its countries', or the one lane. */
function lanesOf(e: EventSummary, grouping: Grouping): string[] {
  if (grouping === "type") return [e.type];
  if (grouping === "country") return e.countries.length ? e.countries : [""];
  return ["all"];
}

/** Lane keys in order: types in their fixed order; countries by how many
 * events they hold, then by code; the lane of events without a country last. */
function laneOrder(counts: Map<string, number>, grouping: Grouping): string[] {
  if (grouping === "type") return TYPE_ORDER.filter((t) => counts.has(t));
  return [...counts.keys()].sort(
    (a, b) => (a === "") !== (b === "") ? (a === "" ? 1 : -1) : (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
  );
}

function laneLabel(key: string, grouping: Grouping): string {
  if (grouping === "type") return TYPE_LABEL[key as EventType];
  if (grouping === "country") return key || "No country";
  return "All events";
}

export interface Lane {
  key: string;
  label: string;
  count: number;
  top: number;
  height: number;
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

/**
 * Places every event: grouped into lanes, each in the first row of its
 * lane where it overlaps nothing already placed.
 */
export function layout(
  events: EventSummary[],
  x: (t: number) => number,
  grouping: Grouping,
  top = 0,
): Layout {
  const byLane = new Map<string, EventSummary[]>();
  for (const e of events) {
    for (const k of lanesOf(e, grouping)) {
      const list = byLane.get(k);
      if (list) list.push(e);
      else byLane.set(k, [e]);
    }
  }
  const order = laneOrder(new Map([...byLane].map(([k, l]) => [k, l.length])), grouping);
  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  let y = top;
  for (const key of order) {
    const list = byLane.get(key) ?? [];
    const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
    const rowEnds: number[] = [];
    const laneMarks: Mark[] = [];
    for (const e of sorted) {
      const [t0, t1] = span(e);
      const x0 = x(t0);
      const x1 = x(t1);
      const point = x1 - x0 < MIN_BAR;
      const left = point ? (x0 + x1) / 2 - POINT_RADIUS : x0;
      const right = point ? (x0 + x1) / 2 + POINT_RADIUS : x1;
      let row = rowEnds.findIndex((end) => end + 2 <= left);
      if (row < 0) {
        row = rowEnds.length;
        rowEnds.push(right);
      } else rowEnds[row] = right;
      laneMarks.push({
        event: e,
        x: point ? (x0 + x1) / 2 : x0,
        width: point ? 0 : x1 - x0,
        y: y + LANE_PAD + row * ROW + ROW / 2,
        point,
        vague: e.precision === "month" || e.precision === "year",
      });
    }
    const height = LANE_PAD * 2 + Math.max(1, rowEnds.length) * ROW;
    lanes.push({ key, label: laneLabel(key, grouping), count: list.length, top: y, height });
    marks.push(...laneMarks);
    y += height;
  }
  return { lanes, marks, height: y - top };
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
 * as tall as its count against the largest bin in view.
 */
export function density(bins: Bin[], days: number, x: (t: number) => number, grouping: Grouping, top = 0): Density {
  const totals = new Map<string, number>();
  for (const b of bins) totals.set(b.lane, (totals.get(b.lane) ?? 0) + b.count);
  const max = bins.reduce((m, b) => Math.max(m, b.count), 0);
  const lanes: Lane[] = [];
  const bars: DensityBar[] = [];
  let y = top;
  for (const key of laneOrder(totals, grouping)) {
    const mine = bins.filter((b) => b.lane === key);
    const inner = DENSITY_LANE - LANE_PAD;
    for (const b of mine) {
      const t0 = dayStart(b.start);
      const t1 = t0 + days * DAY;
      const height = Math.max(2, (inner * b.count) / max);
      bars.push({ lane: key, t0, t1, x: x(t0), width: Math.max(1, x(t1) - x(t0) - 1), y: y + DENSITY_LANE - height - LANE_PAD / 2, height, count: b.count });
    }
    lanes.push({ key, label: laneLabel(key, grouping), count: totals.get(key) ?? 0, top: y, height: DENSITY_LANE });
    y += DENSITY_LANE;
  }
  return { lanes, bars, height: y - top };
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
