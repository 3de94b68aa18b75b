import { describe, expect, it } from "vitest";
import type { EventSummary } from "../api/types";
import { planMarks, rowsInView } from "./frame";
import { testEvent } from "./testing";
import { DAY, type Mark, dayStart, density, layout, placeDensity, placeLayout, prepareDensity, prepareLayout } from "./layout";

const ev = testEvent;

const origin = dayStart("2023-01-01");
/** `k` pixels per day from 2023-01-01, shifted by `at` pixels. */
const scale = (k: number, at = 0) => (t: number) => at + ((t - origin) / DAY) * k;

describe("prepared layouts", () => {
  const events = [
    ev(5, "2023-03-02", "2023-03-02", { countries: ["RUS", "CHN"] }),
    ev(1, "2023-03-01", "2023-03-20", { countries: ["RUS"] }),
    ev(2, "2023-03-01", "2023-03-01", { countries: ["CHN"], precision: "year" }),
    ev(3, "2023-03-05", "2023-03-05", { countries: ["RUS"] }),
    ev(4, "2023-03-04", "2023-03-04"),
  ];

  it("serve every frame: placed again at other scales, they lay out as afresh", () => {
    for (const grouping of ["type", "country", "none"] as const) {
      const prepared = prepareLayout(events, grouping);
      for (const x of [scale(1), scale(3, -40), scale(20, 7.5)]) {
        expect(placeLayout(prepared, x, 30)).toEqual(layout(events, x, grouping, 30));
        const shut = new Set(["RUS"]);
        expect(placeLayout(prepared, x, 30, shut)).toEqual(layout(events, x, grouping, 30, shut));
      }
    }
  });

  it("sorts each lane by start, then id", () => {
    const [rus] = prepareLayout(events, "country");
    expect(rus.key).toBe("RUS");
    expect(rus.events.map((e) => e.id)).toEqual([1, 5, 3]);
    expect([...rus.starts]).toEqual([dayStart("2023-03-01"), dayStart("2023-03-02"), dayStart("2023-03-05")]);
    expect(rus.ends[0]).toBe(dayStart("2023-03-20") + DAY);
  });

  it("keeps rows when the domain only shifts", () => {
    const prepared = prepareLayout(events, "none");
    const a = placeLayout(prepared, scale(4));
    const b = placeLayout(prepared, scale(4, -123.25));
    expect(b.marks.map((m) => m.y)).toEqual(a.marks.map((m) => m.y));
    expect(b.marks.map((m) => m.x + 123.25)).toEqual(a.marks.map((m) => m.x));
  });
});

describe("prepared densities", () => {
  const bins = [
    { start: "2023-01-01", lane: "RUS", count: 4 },
    { start: "2023-01-08", lane: "RUS", count: 1 },
    { start: "2023-01-01", lane: "CHN", count: 2 },
    { start: "2023-01-15", lane: "", count: 7 },
  ];

  it("serve every frame: placed again at other scales, they draw as afresh", () => {
    for (const shut of [new Set<string>(), new Set([""])]) {
      const prepared = prepareDensity(bins, 7, "country", 30, shut);
      for (const x of [scale(1), scale(3, -40), scale(20, 7.5)]) {
        expect(placeDensity(prepared, x)).toEqual(density(bins, 7, x, "country", 30, shut));
      }
      expect(prepared.bars.every((b) => b.x === 0 && b.width === 0)).toBe(true);
    }
  });

  it("place bars a bin wide less a pixel, at least one", () => {
    const prepared = prepareDensity(bins, 7, "country");
    expect(placeDensity(prepared, scale(2)).bars.map((b) => [b.x, b.width])).toEqual([
      [0, 13],
      [14, 13],
      [0, 13],
      [28, 13],
    ]);
    expect(placeDensity(prepared, scale(0.1)).bars.every((b) => b.width === 1)).toBe(true);
  });
});

describe("rows in view", () => {
  it("are those the containers show, with the margin, within the canvas", () => {
    // A canvas scrolled 1000 rows up in a container from 100 to 500.
    expect(rowsInView(-900, 100, 500, 5000, 50)).toEqual([950, 1450]);
    expect(rowsInView(100, 100, 500, 5000, 50)).toEqual([0, 450]);
    expect(rowsInView(-4700, 100, 500, 5000, 50)).toEqual([4750, 5000]);
  });

  it("are whole rows", () => {
    expect(rowsInView(-10.5, 0, 100.2, 1000, 0)).toEqual([10, 111]);
  });

  it("are none when the canvas is out of view", () => {
    expect(rowsInView(900, 100, 500, 300, 50)).toEqual([0, 0]);
    expect(rowsInView(-900, 100, 500, 300, 50)).toEqual([0, 0]);
  });
});

describe("planning marks", () => {
  const mark = (id: number, x: number, y: number, more: Partial<EventSummary> = {}, vague = false): Mark => ({
    event: ev(id, "2023-01-01", "2023-01-01", more),
    x,
    width: 0,
    y,
    point: true,
    vague,
  });
  const marks = [
    mark(1, 200, 50),
    mark(2, 220, 50, { type: "call" }),
    mark(3, 240, 50),
    mark(4, 260, 68, {}, true),
    mark(5, 280, 68, { status: "planned" }),
    mark(6, 2000, 50), // right of the plot
    mark(7, 300, 900), // below the rows drawn
    mark(8, 320, 50, { countries: ["RUS"] }),
  ];

  it("batches the marks in the rows drawn by type, softness and status, in the order met", () => {
    const plan = planMarks(marks, 112, 1280, 0, 400, null, undefined);
    expect(plan.batches.map((b) => [b.type, b.vague, b.planned, b.marks.map((m) => m.event.id)])).toEqual([
      ["meeting", false, false, [1, 3, 8]],
      ["call", false, false, [2]],
      ["meeting", true, false, [4]],
      ["meeting", false, true, [5]],
    ]);
  });

  it("counts the marks in the time range, drawn or not", () => {
    expect(planMarks(marks, 112, 1280, 0, 400, null, undefined).inRange).toBe(7);
    expect(planMarks(marks, 112, 1280, 0, 0, null, undefined).inRange).toBe(7);
  });

  it("keeps a mark whose outline reaches into the rows drawn", () => {
    const plan = planMarks([mark(1, 200, 408)], 112, 1280, 0, 400, null, undefined);
    expect(plan.batches).toHaveLength(1);
    expect(planMarks([mark(1, 200, 411)], 112, 1280, 0, 400, null, undefined).batches).toHaveLength(0);
  });

  it("outlines the selected event's marks and the hovered mark", () => {
    const plan = planMarks(marks, 112, 1280, 0, 400, 3, marks[1]);
    expect(plan.outlined.map((m) => m.event.id)).toEqual([2, 3]);
  });
});
