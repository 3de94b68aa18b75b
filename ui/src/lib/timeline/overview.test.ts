import { describe, expect, it } from "vitest";
import { DAY, dayStart } from "./layout";
import { MIN_SPAN, axis, brushEdges, brushMode, centreOn, dragBrush, histogram, overviewBins } from "./overview";

const binCount = (b: { from: string; to: string; days: number }) => ((dayStart(b.to) - dayStart(b.from)) / DAY + 1) / b.days;

describe("overview bins", () => {
  it("is a day wide over a short span", () => {
    expect(overviewBins("2023-01-01", "2023-03-01")).toEqual({ from: "2023-01-01", to: "2023-03-01", days: 1 });
  });

  it("gives 200 to 400 bins, covering the span, whatever its length", () => {
    for (const [first, last] of [
      ["2023-01-01", "2024-02-04"], // 400 days
      ["2023-01-01", "2024-02-05"], // 401
      ["2020-01-01", "2026-07-30"], // about 2,400
      ["2020-01-01", "2027-09-01"], // about 2,800
      ["1990-01-01", "2024-12-31"],
      ["1800-03-04", "2024-12-31"],
    ]) {
      const b = overviewBins(first, last);
      const n = binCount(b);
      expect(Number.isInteger(n), `${first}–${last}`).toBe(true);
      expect(n, `${first}–${last}`).toBeGreaterThanOrEqual(200);
      expect(n, `${first}–${last}`).toBeLessThanOrEqual(401);
      expect(dayStart(b.from)).toBeLessThanOrEqual(dayStart(first));
      expect(dayStart(b.to)).toBeGreaterThanOrEqual(dayStart(last));
    }
  });

  it("makes bins of a week or more whole weeks from a week's first day", () => {
    const b = overviewBins("1990-01-01", "2024-12-31");
    expect(b.days % 7).toBe(0);
    expect((dayStart(b.from) / DAY) % 7).toBe(0);
  });
});

describe("histogram", () => {
  const x = axis([dayStart("2023-01-01"), dayStart("2023-01-01") + 100 * DAY], [0, 100]).x;

  it("sums the lanes of each bin and scales against the largest", () => {
    const h = histogram(
      [
        { start: "2023-01-01", lane: "meeting", count: 3 },
        { start: "2023-01-01", lane: "call", count: 1 },
        { start: "2023-01-08", lane: "", count: 2 },
        { start: "2023-01-15", lane: "", count: 0 },
      ],
      7,
      x,
      40,
    );
    expect(h.total).toBe(6);
    expect(h.bars.map((b) => [b.x, b.width, b.height, b.count])).toEqual([
      [0, 7, 40, 4],
      [7, 7, 20, 2],
    ]);
  });

  it("keeps a lone event visible beside a busy bin", () => {
    const h = histogram(
      [
        { start: "2023-01-01", lane: "", count: 10_000 },
        { start: "2023-01-02", lane: "", count: 1 },
      ],
      1,
      x,
      40,
    );
    expect(h.bars[1].height).toBe(1);
  });
});

describe("brush", () => {
  // 100 days across 500 pixels, from pixel 100.
  const d0 = dayStart("2023-01-01");
  const a = axis([d0, d0 + 100 * DAY], [100, 600]);

  it("maps times to pixels and back", () => {
    expect(a.x(d0 + 50 * DAY)).toBe(350);
    expect(a.t(350)).toBe(d0 + 50 * DAY);
  });

  it("shows the range shown, cut to the strip, never thinner than a few pixels", () => {
    expect(brushEdges([d0 + 10 * DAY, d0 + 20 * DAY], a, 100, 600)).toEqual([150, 200]);
    expect(brushEdges([d0 - 50 * DAY, d0 + 200 * DAY], a, 100, 600)).toEqual([100, 600]);
    expect(brushEdges([d0 + 10 * DAY, d0 + 10 * DAY + DAY / 24], a, 100, 600, 4)[1] - 150).toBeCloseTo(2, 0);
    // A range wholly beyond the strip shows at its edge.
    expect(brushEdges([d0 + 300 * DAY, d0 + 400 * DAY], a, 100, 600, 4)).toEqual([596, 600]);
  });

  it("tells an edge, the inside and the outside apart", () => {
    const edges: [number, number] = [150, 200];
    expect(brushMode(148, edges)).toBe("start");
    expect(brushMode(203, edges)).toBe("end");
    expect(brushMode(175, edges)).toBe("move");
    expect(brushMode(300, edges)).toBe("new");
    expect(brushMode(120, edges)).toBe("new");
    // A narrow brush: its middle still moves it.
    expect(brushMode(152, [150, 154])).toBe("move");
  });

  it("draws a new range from inside a brush over most of the strip, whose edges still move", () => {
    expect(brushMode(300, [100, 600], 500)).toBe("new");
    expect(brushMode(597, [100, 600], 500)).toBe("end");
    expect(brushMode(300, [150, 500], 500)).toBe("move");
  });

  it("moves the range, or one edge, by the time dragged", () => {
    const view: [number, number] = [d0 + 10 * DAY, d0 + 20 * DAY];
    expect(dragBrush("move", view, d0, d0 + 5 * DAY)).toEqual([d0 + 15 * DAY, d0 + 25 * DAY]);
    expect(dragBrush("start", view, d0, d0 - 5 * DAY)).toEqual([d0 + 5 * DAY, d0 + 20 * DAY]);
    expect(dragBrush("end", view, d0, d0 + 5 * DAY)).toEqual([d0 + 10 * DAY, d0 + 25 * DAY]);
    // An edge stops short of the other.
    expect(dragBrush("start", view, d0, d0 + 30 * DAY)).toEqual([d0 + 20 * DAY - MIN_SPAN, d0 + 20 * DAY]);
    expect(dragBrush("end", view, d0, d0 - 30 * DAY)).toEqual([d0 + 10 * DAY, d0 + 10 * DAY + MIN_SPAN]);
  });

  it("draws a new range from the press to the pointer, either way", () => {
    const view: [number, number] = [d0, d0 + DAY];
    expect(dragBrush("new", view, d0 + 40 * DAY, d0 + 30 * DAY)).toEqual([d0 + 30 * DAY, d0 + 40 * DAY]);
    const tiny = dragBrush("new", view, d0 + 40 * DAY, d0 + 40 * DAY + 1000);
    expect(tiny[1] - tiny[0]).toBe(MIN_SPAN);
  });

  it("centres the range on a click beside the brush, keeping its width", () => {
    expect(centreOn([d0, d0 + 10 * DAY], d0 + 50 * DAY)).toEqual([d0 + 45 * DAY, d0 + 55 * DAY]);
  });
});
