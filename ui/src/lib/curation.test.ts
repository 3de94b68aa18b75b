import { describe, expect, test } from "vitest";
import { actorLines, afterRemoval, moveIn, parseActors, parseCountries, parseTags, queueKey, showValue } from "./curation";

describe("parseCountries", () => {
  test("upper-cases, splits on commas or spaces, keeps each code once", () => {
    expect(parseCountries("phl, usa USA;jpn")).toEqual({ ok: true, value: ["PHL", "USA", "JPN"] });
    expect(parseCountries("  ")).toEqual({ ok: true, value: [] });
  });
  test("names the word that is not a code", () => {
    const r = parseCountries("PHL, Philippines2");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("Philippines2");
  });
});

describe("parseActors", () => {
  test("reads one actor a line, with the role keeping its commas", () => {
    const r = parseActors("Gilberto Teodoro, phl, Secretary of National Defense\n\nLloyd Austin, USA, Secretary of Defense, Pentagon\nKim");
    expect(r).toEqual({
      ok: true,
      value: [
        { name: "Gilberto Teodoro", country: "PHL", role: "Secretary of National Defense" },
        { name: "Lloyd Austin", country: "USA", role: "Secretary of Defense, Pentagon" },
        { name: "Kim", country: "", role: "" },
      ],
    });
  });
  test("a bad country names its line", () => {
    const r = parseActors("A, PHL\nB, the Philippines, minister");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^line 2: “the Philippines”/);
  });
  test("a line without a name is refused", () => {
    expect(parseActors(", PHL").ok).toBe(false);
  });
  test("actorLines gives back what parseActors reads", () => {
    const actors = [
      { name: "Gilberto Teodoro", country: "PHL", role: "Secretary" },
      { name: "Kim", country: "", role: "" },
    ];
    expect(actorLines(actors)).toBe("Gilberto Teodoro, PHL, Secretary\nKim");
    expect(parseActors(actorLines(actors))).toEqual({ ok: true, value: actors });
  });
});

test("parseTags trims and keeps each tag once", () => {
  expect(parseTags(" navy, , talks,navy ")).toEqual(["navy", "talks"]);
});

test("showValue writes codes, actors and empty values as a line", () => {
  expect(showValue(["PHL", "USA"])).toBe("PHL; USA");
  expect(showValue([{ name: "Kim", country: "PRK", role: "" }])).toBe("Kim (PRK)");
  expect(showValue(null)).toBe("—");
  expect(showValue("Manila")).toBe("Manila");
});

describe("the review queue's keys", () => {
  test("j, k and the arrows move; Enter opens; v verifies", () => {
    expect(["j", "ArrowDown", "k", "ArrowUp", "Enter", "v", "x"].map(queueKey)).toEqual([
      "next",
      "next",
      "previous",
      "previous",
      "open",
      "verify",
      null,
    ]);
  });
  test("moves stay inside the list", () => {
    expect(moveIn(0, -1, 3)).toBe(0);
    expect(moveIn(1, 1, 3)).toBe(2);
    expect(moveIn(2, 1, 3)).toBe(2);
    expect(moveIn(-1, 1, 3)).toBe(0);
    expect(moveIn(0, 1, 0)).toBe(-1);
  });
  test("after a row leaves, the next row takes its place", () => {
    expect(afterRemoval(1, 3)).toBe(1);
    expect(afterRemoval(3, 3)).toBe(2);
    expect(afterRemoval(0, 0)).toBe(-1);
  });
});
