// Generated events for the frame-time benchmark, and what the backend
// would answer for them (window of marks, counts per bin), computed here.
import type { Bin, EventSummary, EventType } from "../src/lib/api/types";
import { DAY, binsFor, dayStart, isoDay, span, type Grouping } from "../src/lib/timeline/layout";

/** A small seeded generator, so every run draws the same events. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Sixty codes; earlier ones are picked more often, as in news.
const COUNTRIES = (
  "US CN RU GB FR DE JP IN KR KP UA TR IR IL SA AE QA EG PK AF AU CA BR MX ZA NG ET KE PL NL " +
  "IT ES SE NO FI DK BE AT CH GR RO HU CZ SK RS BY KZ UZ VN TH ID MY PH SG TW MN IQ SY JO LB"
).split(" ");
const TYPE_WEIGHT: Record<EventType, number> = {
  meeting: 30,
  call: 18,
  visit: 16,
  summit: 5,
  agreement: 8,
  exercise: 9,
  patrol: 8,
  port_call: 6,
};

function pickWeighted<T extends string>(r: () => number, weights: Record<T, number>): T {
  const keys = Object.keys(weights) as T[];
  let total = 0;
  for (const k of keys) total += weights[k];
  let v = r() * total;
  for (const k of keys) {
    v -= weights[k];
    if (v < 0) return k;
  }
  return keys[keys.length - 1];
}

/** `n` events from `from` to `to` (ISO days): most spread evenly, a fifth
 * around a few busy weeks; day, month, year and range precision; one to
 * three countries; a few planned. Sorted by start, as the window query
 * returns them. */
export function generate(n: number, from: string, to: string, seed = 1): EventSummary[] {
  const r = random(seed);
  const first = dayStart(from) / DAY;
  const days = dayStart(to) / DAY - first + 1;
  const bursts = Array.from({ length: 24 }, () => first + Math.floor(r() * days));
  const events: EventSummary[] = [];
  for (let id = 1; id <= n; id++) {
    let day =
      r() < 0.8
        ? first + Math.floor(r() * days)
        : bursts[Math.floor(r() * bursts.length)] + Math.round((r() + r() + r() - 1.5) * 20);
    day = Math.min(Math.max(day, first), first + days - 1);
    const p = r();
    const precision: EventSummary["precision"] = p < 0.7 ? "day" : p < 0.85 ? "range" : p < 0.96 ? "month" : "year";
    const d = new Date(day * DAY);
    let start = isoDay(day * DAY);
    let end = start;
    let date = start;
    if (precision === "range") {
      end = isoDay((day + 1 + Math.floor(r() * 20)) * DAY);
      date = `${start}/${end}`;
    } else if (precision === "month") {
      start = isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
      end = isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
      date = start.slice(0, 7);
    } else if (precision === "year") {
      start = `${d.getUTCFullYear()}-01-01`;
      end = `${d.getUTCFullYear()}-12-31`;
      date = start.slice(0, 4);
    }
    const countries = new Set<string>();
    const want = 1 + Math.floor(r() * r() * 3);
    while (countries.size < want) countries.add(COUNTRIES[Math.floor(r() * r() * COUNTRIES.length)]);
    const type = pickWeighted(r, TYPE_WEIGHT);
    events.push({
      id,
      type,
      date,
      start,
      end,
      precision,
      dateInferred: r() < 0.1,
      status: r() < 0.03 ? "planned" : "occurred",
      countries: [...countries],
      actors: [`Minister ${id % 997}`],
      location: "",
      title: `Event ${id}`,
      confidence: 0.5 + r() / 2,
    });
  }
  return events.sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
}

/** The events overlapping a domain's days, as the window query selects. */
export function inWindow(events: EventSummary[], domain: [number, number]): EventSummary[] {
  const from = Math.floor(domain[0] / DAY) * DAY;
  const to = Math.floor(domain[1] / DAY) * DAY + DAY;
  return events.filter((e) => {
    const [t0, t1] = span(e);
    return t0 < to && t1 > from;
  });
}

/** The widest window centred on `at` that holds at most `limit` events:
 * the largest set the app still draws as marks. */
export function largestMarksWindow(events: EventSummary[], at: number, limit: number): [number, number] {
  let lo = 1;
  let hi = 20 * 365;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const d: [number, number] = [at - (mid / 2) * DAY, at + (mid / 2) * DAY];
    if (inWindow(events, d).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  return [at - (lo / 2) * DAY, at + (lo / 2) * DAY];
}

/** Counts of events starting in each bin, by lane, for the bins the app
 * asks for over `domain` (`binsFor`), as the backend's bins query gives
 * them: empty bins left out; an event in each of its countries' lanes. */
export function binCounts(
  events: EventSummary[],
  domain: [number, number],
  plotWidth: number,
  grouping: Grouping,
): { bins: Bin[]; days: number } {
  const want = binsFor(domain, plotWidth);
  const first = dayStart(want.from) / DAY;
  const last = dayStart(want.to) / DAY;
  const counts = new Map<string, Map<number, number>>();
  for (const e of events) {
    const day = dayStart(e.start) / DAY;
    if (day < first || day > last) continue;
    const bin = Math.floor((day - first) / want.days);
    const lanes = grouping === "type" ? [e.type] : grouping === "country" ? e.countries : [""];
    for (const lane of lanes) {
      let m = counts.get(lane);
      if (!m) counts.set(lane, (m = new Map()));
      m.set(bin, (m.get(bin) ?? 0) + 1);
    }
  }
  const bins: Bin[] = [];
  for (const [lane, m] of counts) {
    for (const [bin, count] of m) bins.push({ start: isoDay((first + bin * want.days) * DAY), lane, count });
  }
  bins.sort((a, b) => a.start.localeCompare(b.start) || a.lane.localeCompare(b.lane));
  return { bins, days: want.days };
}
