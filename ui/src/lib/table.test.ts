import { describe, expect, it } from "vitest";
import { moveTo, pagesFor, pagesToDrop, scrollToShow, visibleRows } from "./table";

describe("the rows shown", () => {
  it("are those under the viewport, within the table", () => {
    expect(visibleRows(0, 280, 28, 1000)).toEqual([0, 10]);
    expect(visibleRows(290, 280, 28, 1000)).toEqual([10, 21]);
    expect(visibleRows(0, 280, 28, 4)).toEqual([0, 4]);
    expect(visibleRows(5000, 280, 28, 4)).toEqual([4, 4]);
    expect(visibleRows(0, 280, 28, 0)).toEqual([0, 0]);
  });
});

describe("the pages built and fetched", () => {
  it("are the pages of the rows shown and half a page each side", () => {
    expect(pagesFor([0, 10], 1000)).toEqual([0, 0]);
    expect(pagesFor([45, 55], 1000)).toEqual([0, 1]);
    expect(pagesFor([140, 150], 1000)).toEqual([0, 1]);
    expect(pagesFor([160, 170], 1000)).toEqual([1, 2]);
  });

  it("never reach past the last row, and are none of no rows", () => {
    expect(pagesFor([990, 1000], 1000)).toEqual([9, 9]);
    expect(pagesFor([0, 23], 23)).toEqual([0, 0]);
    expect(pagesFor([0, 0], 0)).toEqual([0, -1]);
  });

  it("build at most three pages at a time", () => {
    for (let top = 0; top < 2000; top += 7) {
      const [a, b] = pagesFor(visibleRows(top * 28, 900, 28, 5000), 5000);
      expect(b - a).toBeLessThanOrEqual(2);
    }
  });

  it("are kept near the rows shown, the farthest dropped first", () => {
    expect(pagesToDrop([0, 1, 2, 3, 4, 5], 1, 3).sort()).toEqual([3, 4, 5]);
    expect(pagesToDrop([0, 1], 0, 3)).toEqual([]);
  });
});

describe("the keyboard", () => {
  it("moves a row, a page, or to either end, within the table", () => {
    expect(moveTo("ArrowDown", 3, 10, 5)).toBe(4);
    expect(moveTo("ArrowDown", 9, 10, 5)).toBe(9);
    expect(moveTo("ArrowUp", 0, 10, 5)).toBe(0);
    expect(moveTo("PageDown", 3, 10, 5)).toBe(8);
    expect(moveTo("PageUp", 3, 10, 5)).toBe(0);
    expect(moveTo("Home", 7, 10, 5)).toBe(0);
    expect(moveTo("End", 0, 10, 5)).toBe(9);
    expect(moveTo("Tab", 0, 10, 5)).toBeUndefined();
    expect(moveTo("ArrowDown", 0, 0, 5)).toBeUndefined();
  });

  it("scrolls the least that shows the row whole", () => {
    expect(scrollToShow(5, 0, 280, 28)).toBe(0);
    expect(scrollToShow(10, 0, 280, 28)).toBe(28);
    expect(scrollToShow(3, 200, 280, 28)).toBe(84);
    expect(scrollToShow(999, 0, 280, 28)).toBe(28 * 1000 - 280);
  });
});
