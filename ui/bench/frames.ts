// Frame times of the real Timeline while panning and zooming, on 100,000
// generated events in a 1280×800 window: drawn as counts per bin (what the
// app shows when a range holds more than 5,000 events), as the largest set
// of marks the app draws, and, for reference, as 100,000 marks.
// Run by run-frames.mjs; the result is left in window.__benchResult.
import "../src/styles.css";
import type { Bin, EventSummary } from "../src/lib/api/types";
import { Timeline } from "../src/lib/timeline/timeline";
import { padded, zoom, dayStart, DAY, type Grouping } from "../src/lib/timeline/layout";
import { binCounts, generate, inWindow, largestMarksWindow } from "./data";

/** As MARKS in main.ts: more events than this in range are drawn as bins. */
const MARKS = 5000;
const EVENTS = 100_000;
const FRAMES = 120;
const WARMUP = 15;
const BUDGET_MS = 16;

interface Stats {
  median: number;
  p95: number;
  max: number;
}

export interface ScenarioResult {
  name: string;
  motion: "pan" | "zoom";
  /** Held to the budget (the others are for information). */
  gated: boolean;
  /** Events in the visible range at the start. */
  events: number;
  /** Marks drawn at the start, or the bins (bars) held. */
  shapes: number;
  /** Of those marks, the ones in the 800 rows seen (a taller canvas
   * scrolls; only the rows seen are drawn). */
  inView: number | null;
  canvasHeight: number;
  frames: number;
  /** The synchronous draw: layout and canvas calls. */
  draw: Stats;
  /** The draw and its rasterisation, forced by reading back one pixel. */
  frame: Stats;
}

export interface BenchResult {
  ok: boolean;
  error?: string;
  budgetMs: number;
  viewport: string;
  devicePixelRatio: number;
  userAgent: string;
  scenarios: ScenarioResult[];
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
  }
}

function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const round = (v: number) => Math.round(v * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]) };
}

/** The domains of a gesture: a drag of about 6 px a frame, or a wheel zoom
 * in and back out around a point 40% across. */
function gesture(motion: "pan" | "zoom", start: [number, number], frames: number): [number, number][] {
  const out: [number, number][] = [];
  let d = start;
  const at = start[0] + (start[1] - start[0]) * 0.4;
  for (let i = 0; i < frames; i++) {
    if (motion === "pan") {
      const shift = (d[1] - d[0]) * 0.005;
      d = [d[0] + shift, d[1] + shift];
    } else {
      d = zoom(d, at, i < frames / 2 ? 0.97 : 1 / 0.97);
    }
    out.push(d);
  }
  return out;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

interface Setup {
  name: string;
  gated: boolean;
  grouping: Grouping;
  domain: [number, number];
  events: EventSummary[];
  bins: { bins: Bin[]; days: number } | null;
}

async function measure(timeline: Timeline, s: Setup, motion: "pan" | "zoom", drawn: () => number): Promise<ScenarioResult> {
  const ctx = timeline.canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  timeline.setGrouping(s.grouping);
  timeline.setData(s.events, s.bins);
  timeline.showRange(s.domain);
  timeline.drawNow();
  const shapes = s.bins ? s.bins.bins.length : drawn();
  const seen = timeline.canvas.parentElement?.parentElement?.clientHeight ?? 0;
  const inView = s.bins ? null : timeline.marks().filter((m) => m.y - 10 < seen).length;
  const canvasHeight = timeline.canvas.height;
  // Warm-up: the first frames compile the drawing code.
  for (const d of gesture(motion, s.domain, WARMUP)) {
    await nextFrame();
    timeline.showRange(d);
    timeline.drawNow();
    ctx.getImageData(0, 0, 1, 1);
  }
  timeline.showRange(s.domain);
  const draw: number[] = [];
  const frame: number[] = [];
  for (const d of gesture(motion, s.domain, FRAMES)) {
    await nextFrame();
    // showRange asks for a frame; drawNow draws it at once instead.
    timeline.showRange(d);
    const t0 = performance.now();
    timeline.drawNow();
    const t1 = performance.now();
    // Canvas calls are recorded and rasterised later; reading a pixel
    // rasterises them now, so their cost counts in this frame.
    ctx.getImageData(0, 0, 1, 1);
    const t2 = performance.now();
    draw.push(t1 - t0);
    frame.push(t2 - t0);
  }
  return {
    name: s.name,
    motion,
    gated: s.gated,
    events: s.bins ? inWindow(allEvents, s.domain).length : s.events.length,
    shapes,
    inView,
    canvasHeight,
    frames: FRAMES,
    draw: stats(draw),
    frame: stats(frame),
  };
}

const allEvents = generate(EVENTS, "2015-01-01", "2024-12-31");

async function main(): Promise<BenchResult> {
  const wrap = document.createElement("div");
  // As .timeline-wrap in the app: the canvas grows with its lanes and scrolls.
  wrap.style.cssText = "position: relative; width: 1280px; height: 800px; overflow: auto;";
  const host = document.createElement("div");
  host.className = "timeline";
  wrap.append(host);
  document.body.append(wrap);
  let drawn = 0;
  const timeline = new Timeline(host, { onSelect: () => undefined, onDraw: (n) => (drawn = n) });
  await nextFrame();

  const whole = padded(dayStart(allEvents[0].start), Math.max(...allEvents.map((e) => dayStart(e.end))) + DAY);
  const mid = (whole[0] + whole[1]) / 2;
  const marksDomain = largestMarksWindow(allEvents, mid, MARKS);
  const marks = inWindow(allEvents, marksDomain);
  // With bins, the app also holds the window's first 5,000 events.
  const firstMarks = allEvents.slice(0, MARKS);
  const setups: Setup[] = [];
  for (const grouping of ["type", "country"] as const) {
    setups.push({
      name: `density (${EVENTS.toLocaleString("en")} in view), lanes by ${grouping}`,
      gated: true,
      grouping,
      domain: whole,
      events: firstMarks,
      bins: binCounts(allEvents, whole, timeline.plotWidth(), grouping),
    });
  }
  for (const grouping of ["type", "country"] as const) {
    setups.push({
      name: `${marks.length.toLocaleString("en")} marks, lanes by ${grouping}`,
      gated: true,
      grouping,
      domain: marksDomain,
      events: marks,
      bins: null,
    });
  }
  // Day-precision events only, in one lane: most marks are in view, none
  // is a bar a row long; the most circles a frame rasterises.
  const dayEvents = allEvents.filter((e) => e.precision === "day");
  const daysDomain = largestMarksWindow(dayEvents, mid, MARKS);
  const days = inWindow(dayEvents, daysDomain);
  setups.push({
    name: `${days.length.toLocaleString("en")} day marks, one lane (reference)`,
    gated: false,
    grouping: "none",
    domain: daysDomain,
    events: days,
    bins: null,
  });
  setups.push({
    name: `${EVENTS.toLocaleString("en")} marks, lanes by type (reference)`,
    gated: false,
    grouping: "type",
    domain: whole,
    events: allEvents,
    bins: null,
  });

  const scenarios: ScenarioResult[] = [];
  for (const s of setups) {
    for (const motion of ["pan", "zoom"] as const) scenarios.push(await measure(timeline, s, motion, () => drawn));
  }
  return {
    ok: true,
    budgetMs: BUDGET_MS,
    viewport: `${window.innerWidth}x${window.innerHeight}`,
    devicePixelRatio: window.devicePixelRatio,
    userAgent: navigator.userAgent,
    scenarios,
  };
}

function show(r: BenchResult): void {
  const pre = document.createElement("pre");
  pre.dataset.testid = "bench-result";
  pre.textContent = JSON.stringify(r, null, 2);
  document.body.append(pre);
  window.__benchResult = r;
  console.log(JSON.stringify(r));
}

main().then(show, (e: unknown) =>
  show({
    ok: false,
    error: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e),
    budgetMs: BUDGET_MS,
    viewport: `${window.innerWidth}x${window.innerHeight}`,
    devicePixelRatio: window.devicePixelRatio,
    userAgent: navigator.userAgent,
    scenarios: [],
  }),
);
