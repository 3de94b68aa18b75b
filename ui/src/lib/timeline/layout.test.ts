import { describe, expect, it } from "vitest";
import type { EventSummary } from "../api/types";
import { DAY, binsFor, dayStart, density, hitBar, hitTest, isoDay, layout, padded, zoom } from "./layout";

function ev(id: number, type: EventSummary["type"], start: string, end = start): EventSummary {
  return {
    id,
    type,
    date: start,
    start,
    end,
    precision: start === end ? "day" : "range",
    dateInferred: false,
    status: "occurred",
    countries: [],
    actors: [],
    location: "",
    title: "",
    confidence: 0.9,
  };
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
