// What the timeline's two renderers share: the canvas in the window and the
// SVG of an export. Where things go (gutter, axis, lane names, the shape of
// a mark) and which colour each takes are decided here once, so that an
// exported image is the timeline as shown and not a look-alike.
import type { ScaleTime } from "d3-scale";
import type { EventSummary, EventType } from "../api/types";
import { type DensityBar, type Lane, type Mark, POINT_RADIUS, TYPE_LABEL, fitLabel } from "./layout";

/** The width of the lane labels' column, left of the plot. */
export const GUTTER = 112;
/** Pixels left of the plot's edge where a click is on a lane's label, not a mark. */
export const LABEL_EDGE = GUTTER - 8;
/** The height of the axis band above the lanes. */
export const AXIS = 30;
/** Space below the last lane. */
export const BOTTOM_PAD = 8;
/** Space right of the plot. */
export const RIGHT_PAD = 16;
export const FONT_FAMILY = "system-ui, sans-serif";
export const FONT_SIZE = 12;
export const FONT = `${FONT_SIZE}px ${FONT_FAMILY}`;
/** Marks of a month or a year are drawn soft: uncertainty, not duration. */
export const VAGUE_ALPHA = 0.35;
/** Density bars, a little see-through; the hovered one is opaque. */
export const DENSITY_ALPHA = 0.75;
/** A planned event is a dashed outline of this line width and dash. */
export const PLANNED_LINE = 2;
export const PLANNED_DASH: readonly number[] = [3, 2];
/** A density bar's count is written above it when it is at least this wide. */
export const MIN_COUNTED_BAR = 26;

/** The colours of a drawing, read from the page's CSS variables. */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  lane: string;
  types: Record<EventType, string>;
}

/** The palette in effect on `el` (light or dark, as the page shows). */
export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const color = (name: string) => css.getPropertyValue(name).trim() || "#888";
  const types = {} as Record<EventType, string>;
  for (const t of Object.keys(TYPE_LABEL) as EventType[]) types[t] = color(`--c-${t}`);
  return { bg: color("--bg"), fg: color("--fg"), muted: color("--muted"), grid: color("--grid"), lane: color("--lane"), types };
}

/** A mark's colour: its type's. */
export function markColour(p: Palette, type: EventType): string {
  return p.types[type] ?? p.fg;
}

/** What a mark's tooltip says of its event, a line each: type, date and
 * status; who (or which countries); where. */
export function markDescription(e: EventSummary): string[] {
  return [
    `${TYPE_LABEL[e.type]} · ${e.date}${e.dateInferred ? " (inferred)" : ""}${e.status === "planned" ? " · planned" : ""}`,
    e.actors.join(", ") || e.countries.join(", "),
    e.location,
  ].filter(Boolean);
}

/** A density bar's colour: its lane's type when lanes are types, else muted. */
export function barColour(p: Palette, lane: string): string {
  return p.types[lane as EventType] ?? p.muted;
}

export interface Tick {
  /** Where the tick's line is (pixels). */
  x: number;
  label: string;
}

/** The axis' ticks for a scale drawn `width` wide: about one per 110 pixels
 * of plot, each at a whole pixel's centre so that its line is sharp. */
export function axisTicks(x: ScaleTime<number, number>, width: number): Tick[] {
  const fmt = x.tickFormat();
  return x.ticks(Math.max(2, Math.floor((width - GUTTER) / 110))).map((t) => ({ x: Math.round(x(t)) + 0.5, label: fmt(t) }));
}

/** Where a tick's label is written: right of its line, centred in the axis band. */
export function tickLabelAt(t: Tick): [number, number] {
  return [t.x + 4, AXIS / 2];
}

/** A lane's name and count as written in the gutter (baseline: middle). */
export interface LaneText {
  name: string;
  nameX: number;
  nameY: number;
  count: string;
  countX: number;
  countY: number;
  /** A collapsed lane's count is right-aligned against the plot. */
  countAlign: "left" | "right";
}

/** How to cut and measure text in the drawing's font. */
export interface TextFit {
  measure: (s: string) => number;
  fit: (text: string, width: number) => string;
}

/** A lane's name (cut to fit, with the sign that it opens or closes) and its
 * count: an open lane's name at its top with the count below; a collapsed
 * lane's both on its one thin row. */
export function laneText(lane: Lane, text: TextFit): LaneText {
  const count = lane.count.toLocaleString();
  if (lane.collapsed) {
    const mid = lane.top + lane.height / 2;
    return {
      name: text.fit(`▸ ${lane.label}`, LABEL_EDGE - 12 - text.measure(count)),
      nameX: 6,
      nameY: mid,
      count,
      countX: LABEL_EDGE,
      countY: mid,
      countAlign: "right",
    };
  }
  return { name: text.fit(`▾ ${lane.label}`, LABEL_EDGE - 6), nameX: 6, nameY: lane.top + 16, count, countX: 18, countY: lane.top + 32, countAlign: "left" };
}

/** A rounded rectangle: x, y, width, height, corner radius. */
export type RoundRectTo<T> = (x: number, y: number, width: number, height: number, radius: number) => T;

/** The shape of a mark that is a bar, a rounded rectangle 10 pixels high,
 * given to `to`: numbers, not an object, as the canvas traces thousands a
 * frame. */
export function barShape<T>(m: Mark, to: RoundRectTo<T>): T {
  return to(m.x, m.y - 5, Math.max(m.width, 2), 10, 4);
}

/** The outline drawn around a selected or hovered bar mark. */
export function outlineShape<T>(m: Mark, to: RoundRectTo<T>): T {
  return to(m.x - 3, m.y - 8, Math.max(m.width, 2) + 6, 16, 6);
}

/** The radius of the ring around a selected or hovered point mark. */
export const OUTLINE_RADIUS = POINT_RADIUS + 3;

/** Where marks and bars are drawn: the plot right of the gutter and below
 * the axis, with room for a point mark's disc at the left edge. */
export function plotClip<T>(width: number, height: number, to: RoundRectTo<T>): T {
  return to(GUTTER - POINT_RADIUS - 2, AXIS, width - GUTTER + POINT_RADIUS + 2, height - AXIS, 0);
}

/** Everything a frame of the timeline shows, placed: what both renderers draw. */
export interface Scene {
  width: number;
  height: number;
  lanes: readonly Lane[];
  marks: readonly Mark[];
  bars: readonly DensityBar[];
  ticks: readonly Tick[];
}

/** Text measured by an average glyph width, where no canvas can measure it
 * (tests, and an SVG made without one). */
export function estimatedText(charWidth = FONT_SIZE * 0.55): TextFit {
  const measure = (s: string) => Array.from(s).length * charWidth;
  return { measure, fit: (t, w) => fitLabel(t, w, measure) };
}
