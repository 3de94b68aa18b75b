// Pure helpers for the analyst's corrections (tested beside): the edit
// form's text fields read into the values edit_event takes, values shown
// back as text, and the review queue's keyboard model.
import type { ActorInput } from "./api";

/** The message of a refusal from the backend (`{code, message}`), or of any other failure. */
export function messageOf(e: unknown): string {
  return e && typeof e === "object" && "message" in e ? String(e.message) : String(e);
}

/** A parsed field: its value, or why the text cannot be one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Country and organisation codes as the engine writes them: ISO 3166-1
 * alpha-3 (PHL) or an organisation's letters (NATO, ASEAN). */
const CODE = /^[A-Z]{3,6}$/;

/** "phl, usa" → ["PHL", "USA"]: commas or spaces between, upper-cased,
 * each once; a word that is not a code is named in the error. */
export function parseCountries(text: string): Parsed<string[]> {
  const codes: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw) continue;
    const code = raw.toUpperCase();
    if (!CODE.test(code)) return { ok: false, error: `“${raw}” is not a country code (three letters, such as PHL)` };
    if (!codes.includes(code)) codes.push(code);
  }
  return { ok: true, value: codes };
}

/** One actor a line, "Name, CTRY, role" (country and role may be left
 * out; the role may itself hold commas). Blank lines are skipped. */
export function parseActors(text: string): Parsed<ActorInput[]> {
  const actors: ActorInput[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const [name = "", country = "", ...role] = line.split(",").map((p) => p.trim());
    if (!name) return { ok: false, error: `line ${i + 1}: the name comes first (“Name, CTRY, role”)` };
    const code = country.toUpperCase();
    if (code && !CODE.test(code)) {
      return { ok: false, error: `line ${i + 1}: “${country}” is not a country code (three letters, such as PHL)` };
    }
    actors.push({ name, country: code, role: role.join(", ") });
  }
  return { ok: true, value: actors };
}

/** The edit form's text for actors: the inverse of `parseActors`. */
export function actorLines(actors: ActorInput[]): string {
  return actors.map((a) => [a.name, a.country, a.role].join(", ").replace(/(, )+$/, "")).join("\n");
}

/** Tags typed with commas between: trimmed, each once. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const t of text.split(",").map((s) => s.trim())) if (t && !tags.includes(t)) tags.push(t);
  return tags;
}

/** A field's value as edit_event, the held fields and the audit trail
 * give it (a string, a list of codes, a list of actors), as one line. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) {
    if (v.length === 0) return "—";
    return v
      .map((x) => {
        if (x && typeof x === "object" && "name" in x) {
          const a = x as Partial<ActorInput>;
          const more = [a.country, a.role].filter(Boolean).join(", ");
          return more ? `${a.name} (${more})` : String(a.name);
        }
        return showValue(x);
      })
      .join("; ");
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** What a key does in the review queue. */
export type QueueKey = "next" | "previous" | "open" | "verify" | null;

export function queueKey(key: string): QueueKey {
  switch (key) {
    case "j":
    case "ArrowDown":
      return "next";
    case "k":
    case "ArrowUp":
      return "previous";
    case "Enter":
      return "open";
    case "v":
      return "verify";
    default:
      return null;
  }
}

/** The row current after a move of `by` in a list of `length` rows, kept
 * inside it (-1 when the list is empty). */
export function moveIn(current: number, by: number, length: number): number {
  if (length === 0) return -1;
  return Math.min(length - 1, Math.max(0, current + by));
}

/** After the row `index` leaves a list (verified, so no longer queued),
 * the row to show: the one that took its place, or the new last. */
export function afterRemoval(index: number, lengthAfter: number): number {
  if (lengthAfter === 0) return -1;
  return Math.min(index, lengthAfter - 1);
}
