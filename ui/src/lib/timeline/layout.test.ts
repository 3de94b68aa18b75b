import { describe, expect, it } from "vitest";
import type { EventSummary } from "../api/types";
import {
  COLLAPSED_LANE,
  DAY,
  MAX_LANES,
  OTHER,
  binsFor,
  dayStart,
  density,
  fitLabel,
  hitBar,
  hitLane,
  hitTest,
  isoDay,
  layout,
  padded,
  planLanes,
  zoom,
} from "./layout";
import { testEvent } from "./testing";

function ev(id: number, type: EventSummary["type"], start: string, end = start): EventSummary {
  return testEvent(id, start, end, { type });
}

// One pixel per day from 2023-01-01.
const origin = dayStart("2023-01-01");
const x = (t: number) => (t - origin) / DAY;

describe("layout", () => {
  it("puts each type in its own lane with its count", () => {
    const l = layout([ev(1, "meeting", "2023-02-01"), ev(2, "exercise", "2023-02-01"), ev(3, "meeting", "2023-06-01")], x, "type");
    expect(l.lanes.map((a) => [a.key, a.count])).toEqual([
      ["meeting", 2],
      ["exercise", 1],
    ]);
    const ex = l.marks.find((m) => m.event.id === 2);
    expect(ex?.y).toBeGreaterThan(l.lanes[0].top + l.lanes[0].height);
  });

  it("stacks overlapping marks in rows and reuses a row once it is free", () => {
    const l = layout(
      [ev(1, "exercise", "2023-02-01", "2023-02-20"), ev(2, "exercise", "2023-02-10"), ev(3, "exercise", "2023-05-01")],
      x,
      "none",
    );
    const y = (id: number) => l.marks.find((m) => m.event.id === id)?.y;
    expect(y(2)).toBeGreaterThan(y(1) ?? Infinity);
    expect(y(3)).toBe(y(1));
  });

  it("draws a one-day event as a point and a ten-day exercise as a bar", () => {
    const l = layout([ev(1, "meeting", "2023-03-01"), ev(2, "exercise", "2023-03-01", "2023-03-10")], x, "none");
    expect(l.marks[0].point).toBe(true);
    expect(l.marks[1].point).toBe(false);
    expect(l.marks[1].width).toBeCloseTo(10);
  });
});

describe("hitTest", () => {
  it("finds the mark under the pointer and nothing in empty space", () => {
    const l = layout([ev(1, "meeting", "2023-03-01"), ev(2, "meeting", "2023-09-01")], x, "none");
    const m = l.marks[1];
    expect(hitTest(l.marks, m.x + 2, m.y)?.event.id).toBe(2);
    expect(hitTest(l.marks, m.x + 60, m.y)).toBeUndefined();
  });
});

describe("zoom and extent", () => {
  it("keeps the time under the pointer fixed while zooming", () => {
    const d: [number, number] = [0, 100 * DAY];
    const z = zoom(d, 25 * DAY, 0.5);
    expect(z[1] - z[0]).toBe(50 * DAY);
    expect((25 * DAY - z[0]) / (z[1] - z[0])).toBeCloseTo(0.25);
  });

  it("covers every event with a margin", () => {
    // The events' first day and the end of their last, as "fit all" has them.
    const [a, b] = padded(dayStart("2020-01-01"), dayStart("2024-01-01") + DAY);
    expect(a).toBeLessThan(dayStart("2020-01-01"));
    expect(b).toBeGreaterThan(dayStart("2024-01-02"));
  });
});

describe("density", () => {
  const bins = [
    { start: "2023-01-01", lane: "meeting", count: 10 },
    { start: "2023-01-08", lane: "meeting", count: 5 },
    { start: "2023-01-01", lane: "exercise", count: 2 },
  ];

  it("puts each type's bins in its lane, as tall as their count against the largest", () => {
    const d = density(bins, 7, x, "type");
    expect(d.lanes.map((l) => [l.key, l.count])).toEqual([
      ["meeting", 15],
      ["exercise", 2],
    ]);
    const [ten, five, two] = d.bars;
    expect(ten.height).toBeCloseTo(2 * five.height);
    expect(two.y).toBeGreaterThan(d.lanes[1].top);
    // A week's bin is seven days (pixels) wide, less a pixel between bins.
    expect([ten.x, ten.width, five.x]).toEqual([0, 6, 7]);
  });

  it("puts every bin in one lane when not grouped, and finds the bar under a point", () => {
    const d = density([{ start: "2023-01-01", lane: "", count: 3 }], 7, x, "none");
    expect(d.lanes.map((l) => l.label)).toEqual(["All events"]);
    const bar = d.bars[0];
    expect(hitBar(d.bars, bar.x + 1, bar.y + 1)?.count).toBe(3);
    expect(hitBar(d.bars, bar.x + 50, bar.y + 1)).toBeUndefined();
  });
});

describe("bins for a view", () => {
  it("is a day wide when the view has fewer days than bins fit", () => {
    const b = binsFor([dayStart("2023-01-01"), dayStart("2023-03-01")], 1200);
    expect(b).toEqual({ from: "2023-01-01", to: "2023-03-01", days: 1 });
  });

  it("is whole weeks from a week's first day over wide views, covering the view", () => {
    const domain: [number, number] = [dayStart("2000-01-01"), dayStart("2024-12-31")];
    const b = binsFor(domain, 1200);
    expect(b.days % 7).toBe(0);
    const first = dayStart(b.from) / DAY;
    expect(first % 7).toBe(0);
    expect(dayStart(b.from)).toBeLessThanOrEqual(domain[0]);
    expect(dayStart(b.to)).toBeGreaterThanOrEqual(dayStart("2024-12-31"));
    expect(((dayStart(b.to) - dayStart(b.from)) / DAY + 1) % b.days).toBe(0);
    expect((dayStart(b.to) - dayStart(b.from)) / DAY / b.days).toBeLessThanOrEqual(200);
  });

  it("writes days as ISO dates and pads a span", () => {
    expect(isoDay(dayStart("2024-02-29") + DAY / 2)).toBe("2024-02-29");
    const [a, b] = padded(dayStart("2020-01-01"), dayStart("2021-01-01"));
    expect(a).toBeLessThan(dayStart("2020-01-01"));
    expect(b).toBeGreaterThan(dayStart("2021-01-01"));
  });
});

describe("lanes by country", () => {
  it("draws an event in each of its countries' lanes, the busiest lane first", () => {
    const a = { ...ev(1, "meeting", "2023-02-01"), countries: ["CHN", "RUS"] };
    const b = { ...ev(2, "call", "2023-03-01"), countries: ["RUS"] };
    const c = ev(3, "visit", "2023-04-01");
    const l = layout([a, b, c], x, "country");
    expect(l.lanes.map((lane) => [lane.label, lane.count])).toEqual([
      ["RUS", 2],
      ["CHN", 1],
      ["No country", 1],
    ]);
    expect(l.marks.filter((m) => m.event.id === 1)).toHaveLength(2);
  });

  it("orders density lanes the same way", () => {
    const d = density(
      [
        { start: "2023-01-01", lane: "CHN", count: 1 },
        { start: "2023-01-01", lane: "USA", count: 4 },
      ],
      7,
      x,
      "country",
    );
    expect(d.lanes.map((lane) => lane.key)).toEqual(["USA", "CHN"]);
  });
});

describe("lanes by actor", () => {
  const withActors = (id: number, start: string, actors: string[]) => ({ ...ev(id, "meeting", start), actors });

  it("draws an event in each of its actors' lanes, the busiest first, events without one last", () => {
    const l = layout(
      [withActors(1, "2023-02-01", ["Li Shangfu", "Sergei Shoigu"]), withActors(2, "2023-03-01", ["Sergei Shoigu"]), withActors(3, "2023-04-01", [])],
      x,
      "actor",
    );
    expect(l.lanes.map((lane) => [lane.label, lane.count])).toEqual([
      ["Sergei Shoigu", 2],
      ["Li Shangfu", 1],
      ["No actor", 1],
    ]);
  });
});

describe("folding lanes", () => {
  // Actor i holds 100 - i events: a0 is the busiest.
  const counts = new Map(Array.from({ length: 60 }, (_, i) => [`a${i}`, 100 - i] as [string, number]));

  it("keeps every lane when they are few", () => {
    const plan = planLanes(new Map([["RUS", 2], ["", 1], ["CHN", 3]]), "country");
    expect(plan.order).toEqual(["CHN", "RUS", ""]);
    expect(plan.folded.size).toBe(0);
  });

  it("keeps the busiest, folds the rest into Other with their summed count, the lane without an actor last", () => {
    const plan = planLanes(new Map([...counts, ["", 5]]), "actor");
    expect(plan.order).toHaveLength(MAX_LANES);
    expect(plan.order.slice(0, 3)).toEqual(["a0", "a1", "a2"]);
    expect(plan.order.slice(-2)).toEqual([OTHER, ""]);
    // 38 kept, 22 folded: a38 (62 events) to a59 (41).
    expect(plan.folded.size).toBe(22);
    expect(plan.counts.get(OTHER)).toBe((62 + 41) * 11);
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(plan.counts)).toBe(sum(counts) + 5);
  });

  it("draws an event of several folded lanes once in Other", () => {
    const events = [...counts].flatMap(([name, n], i) =>
      Array.from({ length: Math.ceil(n / 20) }, (_, j) => ({ ...ev(i * 100 + j, "meeting", "2023-02-01"), actors: [name] })),
    );
    // One event of two actors that are both folded.
    events.push({ ...ev(99_999, "call", "2023-05-01"), actors: ["a58", "a59"] });
    const l = layout(events, x, "actor");
    expect(l.lanes).toHaveLength(MAX_LANES);
    const other = l.lanes[l.lanes.length - 1];
    expect(other.label).toBe("Other");
    const inOther = l.marks.filter((m) => m.y > other.top && m.y < other.top + other.height);
    expect(inOther.filter((m) => m.event.id === 99_999)).toHaveLength(1);
    // Its count sums the folded lanes: the shared event counts in both.
    expect(other.count).toBe(inOther.length + 1);
  });

  it("folds density lanes the same way, summing the folded lanes' bins", () => {
    const bins = [...counts].flatMap(([lane, n]) => [
      { start: "2023-01-01", lane, count: n },
      { start: "2023-01-08", lane, count: 1 },
    ]);
    const d = density(bins, 7, x, "actor");
    expect(d.lanes).toHaveLength(MAX_LANES);
    expect(d.lanes[MAX_LANES - 1].key).toBe(OTHER);
    const other = d.bars.filter((b) => b.lane === OTHER);
    expect(other.map((b) => b.count)).toEqual([(61 + 41) * 21 / 2, 21]);
    // The tallest bar is Other's: the others scale against it.
    expect(other[0].height).toBeGreaterThan(d.bars[0].height);
  });
});

describe("collapsed lanes", () => {
  const events = [ev(1, "meeting", "2023-02-01"), ev(2, "meeting", "2023-02-01"), ev(3, "call", "2023-03-01"), ev(4, "visit", "2023-03-01")];

  it("is a thin row with its label and count and no marks; the lanes below move up", () => {
    const open = layout(events, x, "type");
    const shut = layout(events, x, "type", 0, new Set(["meeting"]));
    expect(shut.lanes[0]).toMatchObject({ key: "meeting", label: "Meeting", count: 2, height: COLLAPSED_LANE, collapsed: true });
    expect(shut.marks.map((m) => m.event.id)).toEqual([3, 4]);
    expect(shut.lanes[1].top).toBe(COLLAPSED_LANE);
    expect(shut.height).toBe(open.height - open.lanes[0].height + COLLAPSED_LANE);
    expect(open.lanes.every((l) => !l.collapsed)).toBe(true);
  });

  it("holds no density bars, and does not set the scale of the others", () => {
    const bins = [
      { start: "2023-01-01", lane: "meeting", count: 100 },
      { start: "2023-01-01", lane: "call", count: 4 },
      { start: "2023-01-08", lane: "call", count: 2 },
    ];
    const d = density(bins, 7, x, "type", 0, new Set(["meeting"]));
    expect(d.lanes.map((l) => [l.key, l.count, l.height])).toEqual([
      ["meeting", 100, COLLAPSED_LANE],
      ["call", 6, 44],
    ]);
    expect(d.bars.map((b) => b.count)).toEqual([4, 2]);
    expect(d.bars[0].height).toBeCloseTo(2 * d.bars[1].height);
  });

  it("finds the lane whose label is under a point, in the gutter only", () => {
    const l = layout(events, x, "type", 30, new Set(["call"]));
    const [meeting, call, visit] = l.lanes;
    expect(hitLane(l.lanes, 20, meeting.top + 1, 100)?.key).toBe("meeting");
    expect(hitLane(l.lanes, 20, call.top + COLLAPSED_LANE - 1, 100)?.key).toBe("call");
    expect(hitLane(l.lanes, 20, visit.top, 100)?.key).toBe("visit");
    expect(hitLane(l.lanes, 100, meeting.top + 1, 100)).toBeUndefined();
    expect(hitLane(l.lanes, 20, 10, 100)).toBeUndefined();
    expect(hitLane(l.lanes, 20, visit.top + visit.height, 100)).toBeUndefined();
  });
});

describe("lane labels", () => {
  const measure = (s: string) => s.length * 7;

  it("are cut with an ellipsis to fit the gutter", () => {
    expect(fitLabel("Meeting", 100, measure)).toBe("Meeting");
    const cut = fitLabel("Secretary of the Security Council", 100, measure);
    expect(cut).toBe("Secretary of…");
    expect(measure(cut)).toBeLessThanOrEqual(100);
    expect(fitLabel("Anything", 3, measure)).toBe("…");
  });
});
