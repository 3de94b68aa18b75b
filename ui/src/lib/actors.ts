// Pure helpers for the actor filter and the actor card (tested beside).
import type { ActorKind, ActorOffice, ActorRole, Facet } from "./api";

/** Lower case without diacritics: "Erdoğan" and "erdogan" match. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Whether a facet stays listed for what was typed in its find box: its
 * label or value contains it, or the backend found it by another of its
 * names (`alsoMatching`, the canonical names whose aliases match).
 */
export function facetMatches(f: Facet, typed: string, alsoMatching: ReadonlySet<string> = new Set()): boolean {
  const q = fold(typed.trim());
  if (!q) return true;
  return fold(f.label).includes(q) || fold(f.value).includes(q) || alsoMatching.has(f.value);
}

export const KIND_LABEL: Record<ActorKind, string> = {
  known: "From the gazetteer",
  learned: "Learned from the text",
};

/** A term's dates: "2012-11-06 – 2024-05-12", "since 2024-05-12", "until 1999-12-31". */
export function termDates(o: Pick<ActorOffice, "from" | "to">): string {
  if (o.from && o.to) return `${o.from} – ${o.to}`;
  if (o.from) return `since ${o.from}`;
  if (o.to) return `until ${o.to}`;
  return "dates not recorded";
}

/** "Defense Minister, Russia" — the country's name where known, else its code. */
export function officeTitle(o: ActorOffice): string {
  return [o.title, o.countryName || o.country].filter(Boolean).join(", ");
}

/** "Defence Cabinet Secretary (KEN), 2 events". */
export function roleLine(r: ActorRole): string {
  const title = r.title || "no title";
  return `${title}${r.country ? ` (${r.country})` : ""}, ${r.events} event${r.events === 1 ? "" : "s"}`;
}
