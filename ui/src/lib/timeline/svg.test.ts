import { describe, expect, test } from "vitest";
import { scaleUtc } from "d3-scale";
import type { EventType } from "../api/types";
import { type Grouping, dayStart, density, layout } from "./layout";
import { AXIS, BOTTOM_PAD, GUTTER, type Palette, RIGHT_PAD, type Scene, axisTicks } from "./paint";
import { timelineSvg, xmlText } from "./svg";
import { testEvent } from "./testing";
import type { EventSummary } from "../api/types";

const palette: Palette = {
  bg: "#ffffff",
  fg: "#000000",
  muted: "#666666",
  grid: "#eeeeee",
  lane: "#f5f5f5",
  types: {
    meeting: "#2563eb",
    call: "#7c3aed",
    visit: "#0891b2",
    summit: "#db2777",
    agreement: "#16a34a",
    exercise: "#dc2626",
    patrol: "#ea580c",
    port_call: "#a16207",
  },
};

/** A scene of these events over the days `from` to `to`, as the timeline
 * places it 1000 pixels wide. */
function sceneOf(events: EventSummary[], from: string, to: string, grouping: Grouping = "type"): Scene {
  const width = 1000;
  const x = scaleUtc()
    .domain([dayStart(from), dayStart(to)])
    .range([GUTTER, width - RIGHT_PAD]);
  const l = layout(events, (t) => x(t), grouping, AXIS);
  return { width, height: l.height + AXIS + BOTTOM_PAD, lanes: l.lanes, marks: l.marks, bars: [], ticks: axisTicks(x, width) };
}

/** The elements of a document in order, checking that every one opened is
 * closed in turn: the file is well-formed as far as its tags go. */
function tags(svg: string): { name: string; attrs: Record<string, string> }[] {
  const out: { name: string; attrs: Record<string, string> }[] = [];
  const open: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^<>]*?)(\/?)>/g)) {
    const [, close, name, rest, self] = m;
    if (close) {
      expect(open.pop(), `</${name}> closes what was opened`).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rest.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push({ name, attrs });
    if (!self) open.push(name);
  }
  expect(open).toEqual([]);
  return out;
}

const ev = (id: number, type: EventType, day: string, more: Partial<EventSummary> = {}) => testEvent(id, day, day, { type, ...more });

describe("timelineSvg", () => {
  const events = [
    ev(1, "call", "2023-04-10"),
    ev(2, "meeting", "2023-04-18", { title: "<script>alert('owned')</script> & more" }),
    ev(3, "meeting", "2023-04-03", { status: "planned" }),
    ev(4, "call", "2023-04-25"),
    testEvent(5, "2023-04-12", "2023-04-20", { type: "meeting" }),
  ];
  const svg = timelineSvg(sceneOf(events, "2023-04-01", "2023-05-01"), palette, "Détente timeline");
  const elements = tags(svg);

  test("draws one element per mark, grouped by lane in the lanes' order", () => {
    const groups = elements.filter((e) => e.attrs.class === "lane-marks").map((e) => e.attrs["data-lane"]);
    expect(groups).toEqual(["Meeting", "Call"]);
    const marks = elements.filter((e) => e.attrs.class === "mark");
    expect(marks.map((m) => m.attrs["data-id"])).toEqual(["3", "5", "2", "1", "4"]);
    // A month wide, every day is a bar; the planned event an outline.
    expect(marks.map((m) => m.name)).toEqual(["rect", "rect", "rect", "rect", "rect"]);
    expect(marks[0].attrs).toMatchObject({ fill: "none", stroke: palette.types.meeting, "stroke-dasharray": "3 2" });
    expect(marks[3].attrs.fill).toBe(palette.types.call);
    // Marks of a lane lie within its band, below the axis.
    const centre = (m: (typeof marks)[number]) => Number(m.attrs.y) + Number(m.attrs.height) / 2;
    const meetingMarks = marks.slice(0, 3).map(centre);
    const callMarks = marks.slice(3).map(centre);
    expect(Math.max(...meetingMarks)).toBeLessThan(Math.min(...callMarks));
    expect(Math.min(...meetingMarks)).toBeGreaterThan(AXIS);
  });

  test("draws a day as a disc when the range is too wide for a bar", () => {
    const year = tags(timelineSvg(sceneOf(events, "2023-01-01", "2024-01-01"), palette, "t")).filter((e) => e.attrs.class === "mark");
    expect(year.map((m) => [m.attrs["data-id"], m.name])).toEqual([
      ["3", "circle"],
      ["5", "rect"],
      ["2", "circle"],
      ["1", "circle"],
      ["4", "circle"],
    ]);
    expect(year[1].attrs.rx).toBe("4");
  });

  test("keeps a title's markup as text", () => {
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;alert(&apos;owned&apos;)&lt;/script&gt; &amp; more");
    expect(elements.some((e) => e.name === "script")).toBe(false);
  });

  test("labels the axis with the dates of the range", () => {
    const labels = [...svg.matchAll(/<g class="ticks">([\s\S]*?)<\/g>/g)][0][1];
    const texts = [...labels.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // d3's UTC ticks of a month shown 872 pixels wide: weeks, on Sundays.
    expect(texts).toEqual(["Apr 02", "Apr 09", "Apr 16", "Apr 23", "Apr 30"]);
  });

  test("writes each lane's name and count in the gutter", () => {
    expect(svg).toMatch(/>▾ Meeting<\/text>\s*<text[^>]*>3<\/text>/);
    expect(svg).toMatch(/>▾ Call<\/text>\s*<text[^>]*>2<\/text>/);
  });

  test("escapes lane names taken from articles", () => {
    const named = [ev(1, "meeting", "2023-04-10", { actors: ['Tom & "Jerry" <b>'] })];
    const out = timelineSvg(sceneOf(named, "2023-04-01", "2023-05-01", "actor"), palette, "t", {
      measure: (s) => s.length,
      fit: (t) => t,
    });
    expect(out).toContain('data-lane="Tom &amp; &quot;Jerry&quot; &lt;b&gt;"');
    expect(out).toContain(">▾ Tom &amp; &quot;Jerry&quot; &lt;b&gt;</text>");
    expect(tags(out).some((e) => e.name === "b")).toBe(false);
  });

  test("leaves out marks outside the range shown", () => {
    const out = timelineSvg(sceneOf([...events, ev(9, "call", "2024-01-01")], "2023-04-01", "2023-05-01"), palette, "t");
    expect(tags(out).filter((e) => e.attrs.class === "mark").map((e) => e.attrs["data-id"])).not.toContain("9");
  });
});

describe("timelineSvg of counts and collapsed lanes", () => {
  const width = 1000;
  const x = scaleUtc()
    .domain([dayStart("2023-01-01"), dayStart("2023-03-01")])
    .range([GUTTER, width - RIGHT_PAD]);
  const bins = [
    { start: "2023-01-05", lane: "meeting", count: 1200 },
    { start: "2023-01-12", lane: "meeting", count: 40 },
    { start: "2023-01-05", lane: "exercise", count: 7 },
  ];
  const d = density(bins, 7, (t) => x(t), "type", AXIS, new Set(["exercise"]));
  const scene: Scene = { width, height: d.height + AXIS + BOTTOM_PAD, lanes: d.lanes, marks: [], bars: d.bars, ticks: axisTicks(x, width) };
  const svg = timelineSvg(scene, palette, "t");

  test("draws a bar per bin in its lane's colour, with its count above when wide enough", () => {
    const bars = tags(svg).filter((e) => e.attrs.class === "bar");
    expect(bars.map((b) => b.attrs.fill)).toEqual([palette.types.meeting, palette.types.meeting]);
    // The busiest bin is the lane's full height; the other in proportion.
    expect(Number(bars[0].attrs.height)).toBeGreaterThan(Number(bars[1].attrs.height) * 10);
    expect(svg).toContain(`>${(1200).toLocaleString()}</text>`);
    expect(svg).toContain("<title>40 events, 2023-01-12 – 2023-01-18</title>");
  });

  test("writes a collapsed lane's name and count on one row, the count against the plot", () => {
    expect(svg).toMatch(/<text x="6" y="(\d+)"[^>]*>▸ Exercise<\/text>\s*<text x="104" y="\1"[^>]*text-anchor="end"[^>]*>7<\/text>/);
  });
});

describe("xmlText", () => {
  test("drops what XML cannot hold at all and escapes markup", () => {
    expect(xmlText("a\u0001b\u0000c\tline\n<&>\"'")).toBe("abc\tline\n&lt;&amp;&gt;&quot;&apos;");
    // A lone surrogate goes; a pair (an emoji) stays.
    expect(xmlText("x\uD800y😀")).toBe("xy😀");
  });
});
