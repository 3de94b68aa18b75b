// What the analyst was looking at — the filter, the range shown, the lanes
// and which of them are collapsed — kept per database, so that it is there
// again after a restart, and under a name as a saved view.
// Pure (de)serialisation; the caller gives the storage.
import type { EventType, Filter } from "./api/types";
import type { Grouping } from "./timeline/layout";
import { TYPE_ORDER } from "./timeline/layout";

export interface ViewState {
  filter: Filter;
  /** The range shown, as times. */
  domain: [number, number];
  grouping: Grouping;
  /** The lanes collapsed, by lane key, for each grouping: switching lanes
   * and back finds them as they were. */
  collapsed: Collapsed;
}

export type Collapsed = Partial<Record<Grouping, string[]>>;

const GROUPINGS: Grouping[] = ["type", "country", "actor", "none"];

const VERSION = 1;

/** The storage key of a database's view. */
export function viewKey(dbPath: string): string {
  return `detente.view.v${VERSION}:${dbPath}`;
}

export function saveView(v: ViewState): string {
  return JSON.stringify(v);
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
const day = (x: unknown): string | undefined => (typeof x === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x) ? x : undefined);

/** A stored view, or `undefined` when there is none or it is not one
 * (written by another version, or damaged): a bad entry is ignored, not
 * half applied. */
export function loadView(text: string | null): ViewState | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== "object") return undefined;
  const r = raw as Record<string, unknown>;
  const f = (r.filter ?? {}) as Record<string, unknown>;
  const domain = r.domain;
  if (!Array.isArray(domain) || domain.length !== 2 || !domain.every((t) => Number.isFinite(t)) || domain[0] >= domain[1]) {
    return undefined;
  }
  const grouping: Grouping = GROUPINGS.find((g) => g === r.grouping) ?? "type";
  // Absent in views written before lanes could collapse.
  const c = r.collapsed && typeof r.collapsed === "object" ? (r.collapsed as Record<string, unknown>) : {};
  const collapsed: Collapsed = {};
  for (const g of GROUPINGS) {
    const keys = strings(c[g]);
    if (keys.length) collapsed[g] = keys;
  }
  const filter: Filter = {
    countries: strings(f.countries),
    actors: strings(f.actors),
    types: strings(f.types).filter((t): t is EventType => (TYPE_ORDER as string[]).includes(t)),
  };
  const from = day(f.from);
  const to = day(f.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (typeof f.text === "string" && f.text) filter.text = f.text;
  if (f.status === "occurred" || f.status === "planned") filter.status = f.status;
  if (typeof f.minConfidence === "number" && f.minConfidence >= 0 && f.minConfidence <= 1) filter.minConfidence = f.minConfidence;
  return { filter, domain: [domain[0], domain[1]], grouping, collapsed };
}
