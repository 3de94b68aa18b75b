// The timeline as an SVG document: the scene the canvas draws (lanes, axis,
// density bars, marks), with the canvas' geometry and colours from
// `paint.ts`. Built as a string with every text and attribute escaped:
// lane names and titles come from articles, which are untrusted.
import { type Lane, type Mark, POINT_RADIUS } from "./layout";
import { markInRange } from "./frame";
import {
  AXIS,
  DENSITY_ALPHA,
  FONT_FAMILY,
  FONT_SIZE,
  GUTTER,
  MIN_COUNTED_BAR,
  PLANNED_DASH,
  PLANNED_LINE,
  type Palette,
  type Scene,
  type TextFit,
  VAGUE_ALPHA,
  barColour,
  barShape,
  estimatedText,
  laneText,
  markColour,
  markDescription,
  plotClip,
  tickLabelAt,
} from "./paint";
import { isoDay, DAY } from "./layout";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * `s` as XML character data or an attribute value: the five markup
 * characters as entities, and the characters XML 1.0 does not allow at all
 * (control characters, lone surrogates, U+FFFE and U+FFFF) left out, since
 * no escape makes them valid and one would make the whole file unreadable.
 */
export function xmlText(s: string): string {
  let kept = "";
  // By code point: a surrogate met alone here has no partner.
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    kept += ch;
  }
  return kept.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A coordinate, to two decimals: exact enough, and a file half the size. */
function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** An element's attributes, escaped; those undefined are left out. */
function attrs(a: Record<string, string | number | undefined>): string {
  let out = "";
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === "number" ? num(v) : xmlText(v)}"`;
  }
  return out;
}

/** A rounded rectangle's attributes. */
function roundRect(x: number, y: number, width: number, height: number, rx: number): Record<string, number> {
  return { x, y, width, height, rx };
}

function text(x: number, y: number, s: string, fill: string, anchor?: "end"): string {
  return `<text${attrs({ x, y, fill, "text-anchor": anchor, "dominant-baseline": "central" })}>${xmlText(s)}</text>`;
}

/** The lane a mark is drawn in: the one whose rows hold its centre. */
function laneOf(lanes: readonly Lane[], m: Mark): Lane | undefined {
  return lanes.find((l) => !l.collapsed && m.y >= l.top && m.y < l.top + l.height);
}

/** One mark: a disc or a rounded bar, filled, or outlined and dashed when
 * planned; its tooltip (type, date, who, where, title) as its `<title>`. */
function mark(m: Mark, p: Palette): string {
  const c = markColour(p, m.event.type);
  const planned = m.event.status === "planned";
  const paint = planned
    ? { fill: "none", stroke: c, "stroke-width": PLANNED_LINE, "stroke-dasharray": PLANNED_DASH.join(" ") }
    : { fill: c };
  const common = { class: "mark", "data-id": String(m.event.id), opacity: m.vague ? VAGUE_ALPHA : undefined, ...paint };
  const shape = m.point ? { cx: m.x, cy: m.y, r: POINT_RADIUS } : barShape(m, roundRect);
  const tip = [...markDescription(m.event), m.event.title].filter(Boolean).join("\n");
  return `<${m.point ? "circle" : "rect"}${attrs({ ...common, ...shape })}><title>${xmlText(tip)}</title></${m.point ? "circle" : "rect"}>`;
}

/**
 * The scene as a standalone SVG document: the background, each lane's band,
 * name and count, the axis with its tick labels and grid, then the plot
 * clipped as on screen: density bars with their counts, and each lane's
 * marks in a group of their own (`data-lane`: the lane's name), in the
 * lanes' order. Lane names are cut with `text` as the canvas cuts them
 * (pass the canvas' measures for the same cuts).
 */
export function timelineSvg(scene: Scene, p: Palette, title: string, fit: TextFit = estimatedText()): string {
  const { width, height, lanes } = scene;
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg${attrs({ xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${num(width)} ${num(height)}`, "font-family": FONT_FAMILY, "font-size": FONT_SIZE })}>`,
    `<title>${xmlText(title)}</title>`,
    `<rect${attrs({ width, height, fill: p.bg })}/>`,
    `<g class="lanes">`,
  ];
  lanes.forEach((lane, i) => {
    if (i % 2 === 0) out.push(`<rect${attrs({ x: 0, y: lane.top, width, height: lane.height, fill: p.lane })}/>`);
    const t = laneText(lane, fit);
    out.push(text(t.nameX, t.nameY, t.name, p.fg), text(t.countX, t.countY, t.count, p.muted, t.countAlign === "right" ? "end" : undefined));
  });
  out.push(`</g>`, `<g class="axis"${attrs({ stroke: p.grid, "stroke-width": 1 })}>`);
  for (const t of scene.ticks) out.push(`<line${attrs({ x1: t.x, y1: AXIS - 6, x2: t.x, y2: height })}/>`);
  out.push(`<line${attrs({ x1: GUTTER, y1: AXIS - 0.5, x2: width, y2: AXIS - 0.5 })}/>`, `</g>`, `<g class="ticks">`);
  for (const t of scene.ticks) out.push(text(...tickLabelAt(t), t.label, p.muted));
  out.push(`</g>`, `<defs><clipPath id="plot"><rect${attrs(plotClip(width, height, (x, y, w, h) => ({ x, y, width: w, height: h })))}/></clipPath></defs>`, `<g clip-path="url(#plot)">`);
  for (const b of scene.bars) {
    if (b.x + b.width < GUTTER || b.x > width) continue;
    const tip = `${b.count.toLocaleString()} event${b.count === 1 ? "" : "s"}, ${isoDay(b.t0)} – ${isoDay(b.t1 - DAY)}`;
    out.push(`<rect${attrs({ class: "bar", x: b.x, y: b.y, width: b.width, height: b.height, fill: barColour(p, b.lane), opacity: DENSITY_ALPHA })}><title>${xmlText(tip)}</title></rect>`);
    if (b.width >= MIN_COUNTED_BAR) out.push(text(b.x + 2, b.y - 7, b.count.toLocaleString(), p.fg));
  }
  // Each lane's marks together, in the lanes' order (a mark's lane is the
  // one holding it, as a click finds it).
  const byLane = new Map<Lane, Mark[]>();
  for (const m of scene.marks) {
    const lane = laneOf(lanes, m);
    if (!lane || !markInRange(m, GUTTER, width)) continue;
    const list = byLane.get(lane);
    if (list) list.push(m);
    else byLane.set(lane, [m]);
  }
  for (const lane of lanes) {
    const marks = byLane.get(lane);
    if (!marks) continue;
    out.push(`<g${attrs({ class: "lane-marks", "data-lane": lane.label })}>`, ...marks.map((m) => mark(m, p)), `</g>`);
  }
  out.push(`</g>`, `</svg>`, "");
  return out.join("\n");
}
