import { describe, expect, it } from "vitest";
import { loadView, saveView, viewKey } from "./viewstate";

describe("the view kept across restarts", () => {
  it("reads back what it wrote", () => {
    const v = {
      filter: {
        countries: ["CHN"],
        actors: ["Sergei Shoigu"],
        types: ["meeting" as const],
        from: "2020-01-01",
        status: "planned" as const,
        minConfidence: 0.7,
        text: "navy",
      },
      domain: [1_600_000_000_000, 1_700_000_000_000] as [number, number],
      grouping: "actor" as const,
      collapsed: { actor: ["Sergei Shoigu", ""], type: ["call"] },
    };
    expect(loadView(saveView(v))).toEqual(v);
  });

  it("reads a view kept before lanes could collapse", () => {
    const v = loadView(JSON.stringify({ filter: { countries: [], actors: [], types: [] }, domain: [1, 2], grouping: "country" }));
    expect(v).toEqual({ filter: { countries: [], actors: [], types: [] }, domain: [1, 2], grouping: "country", collapsed: {} });
  });

  it("ignores what is not a view rather than apply part of it", () => {
    expect(loadView(null)).toBeUndefined();
    expect(loadView("{not json")).toBeUndefined();
    expect(loadView(JSON.stringify({ filter: {}, domain: [5, 1] }))).toBeUndefined();
    expect(loadView(JSON.stringify({ filter: {}, domain: ["a", 2] }))).toBeUndefined();
  });

  it("drops fields it does not know", () => {
    const v = loadView(
      JSON.stringify({
        filter: { countries: ["USA", 3], types: ["meeting", "picnic"], from: "yesterday", status: "maybe", minConfidence: 7 },
        domain: [1, 2],
        grouping: "sideways",
        collapsed: { type: ["call", 4], sideways: ["x"], country: "RUS" },
      }),
    );
    expect(v).toEqual({
      filter: { countries: ["USA"], actors: [], types: ["meeting"] },
      domain: [1, 2],
      grouping: "type",
      collapsed: { type: ["call"] },
    });
    expect(loadView(JSON.stringify({ filter: {}, domain: [1, 2], collapsed: [1, 2] }))?.collapsed).toEqual({});
  });

  it("keeps each database's view apart", () => {
    expect(viewKey("/a.db")).not.toEqual(viewKey("/b.db"));
  });
});
