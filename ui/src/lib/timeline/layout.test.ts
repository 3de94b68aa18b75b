import { describe, expect, it } from "vitest";
import type { EventSummary } from "../api/types";
import { DAY, dayStart, extent, hitTest, layout, zoom } from "./layout";

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
    const [a, b] = extent([ev(1, "call", "2020-01-01"), ev(2, "call", "2024-01-01")]);
    expect(a).toBeLessThan(dayStart("2020-01-01"));
    expect(b).toBeGreaterThan(dayStart("2024-01-02"));
  });
});
