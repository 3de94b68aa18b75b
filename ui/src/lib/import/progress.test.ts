import { describe, expect, it } from "vitest";
import { fileName, summaryLine, timeLeft } from "./progress";

describe("timeLeft", () => {
  it("says nothing until there is a rate to go by", () => {
    expect(timeLeft(0, 100, 5000)).toBe("");
    expect(timeLeft(1, 100, 5000)).toBe("");
    expect(timeLeft(50, 100, 200)).toBe("");
    expect(timeLeft(100, 100, 9000)).toBe("");
  });
  it("extrapolates the rate so far, in round numbers", () => {
    expect(timeLeft(10, 20, 10_000)).toBe("about 10 s left");
    expect(timeLeft(10, 1000, 10_000)).toBe("about 17 min left");
    expect(timeLeft(10, 10_000, 40_000)).toBe("about 11 h 6 min left");
  });
});

describe("summaryLine", () => {
  it("names only what happened", () => {
    const base = { imported: 1, updated: 0, events: 3, alreadyPresent: 0, failed: [], cancelled: false };
    expect(summaryLine(base)).toBe("Imported 1 article (3 events)");
    expect(summaryLine({ ...base, imported: 12, updated: 1, alreadyPresent: 3, failed: [1, 2], cancelled: true })).toBe(
      "Imported 12 articles (3 events) · 1 updated · 3 already present · 2 failed · cancelled: the rest was not read",
    );
  });
});

describe("fileName", () => {
  it("keeps the last part of a path", () => {
    expect(fileName("/home/a/news/report.pdf")).toBe("report.pdf");
    expect(fileName("C:\\news\\feed.rss#item 3")).toBe("feed.rss#item 3");
  });
});
