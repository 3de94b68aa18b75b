import { describe, expect, test } from "vitest";
import { facetMatches, fold, officeTitle, roleLine, termDates } from "./actors";
import type { Facet } from "./api";

const shoigu: Facet = { value: "Sergei Shoigu", label: "Sergei Shoigu", country: "RUS", kind: "known", count: 3 };
const erdogan: Facet = { value: "Recep Tayyip Erdoğan", label: "Recep Tayyip Erdoğan", country: "TUR", kind: "known", count: 1 };

describe("finding an actor in the filter", () => {
  test("an empty box lists everyone", () => {
    expect(facetMatches(shoigu, "")).toBe(true);
    expect(facetMatches(shoigu, "   ")).toBe(true);
  });

  test("the name matches in any case and without diacritics", () => {
    expect(facetMatches(shoigu, "SHOI")).toBe(true);
    expect(facetMatches(erdogan, "erdogan")).toBe(true);
    expect(fold("Erdoğan")).toBe("erdogan");
  });

  test("an alias matches through the names the backend found", () => {
    expect(facetMatches(shoigu, "Shoygu")).toBe(false);
    expect(facetMatches(shoigu, "Shoygu", new Set(["Sergei Shoigu"]))).toBe(true);
    expect(facetMatches(erdogan, "Shoygu", new Set(["Sergei Shoigu"]))).toBe(false);
  });
});

describe("the actor card", () => {
  test("terms read as a span, an open term as since", () => {
    expect(termDates({ from: "2012-11-06", to: "2024-05-12" })).toBe("2012-11-06 – 2024-05-12");
    expect(termDates({ from: "2024-05-12", to: null })).toBe("since 2024-05-12");
    expect(termDates({ from: null, to: "1999-12-31" })).toBe("until 1999-12-31");
    expect(termDates({ from: null, to: null })).toBe("dates not recorded");
  });

  test("an office names its state, or its code when unnamed", () => {
    expect(officeTitle({ country: "RUS", countryName: "Russia", title: "Defense Minister", from: null, to: null })).toBe(
      "Defense Minister, Russia",
    );
    expect(officeTitle({ country: "XYZ", countryName: "", title: "Envoy", from: null, to: null })).toBe("Envoy, XYZ");
  });

  test("a title from the articles counts its events", () => {
    expect(roleLine({ title: "Defence Cabinet Secretary", country: "KEN", events: 1 })).toBe("Defence Cabinet Secretary (KEN), 1 event");
    expect(roleLine({ title: "", country: "KEN", events: 2 })).toBe("no title (KEN), 2 events");
  });
});
