// Wire types of the backend (src-tauri/src/dto.rs). Keep the two in step.

export type EventType =
  | "meeting"
  | "call"
  | "visit"
  | "exercise"
  | "patrol"
  | "port_call"
  | "agreement"
  | "summit";

export interface Filter {
  countries: string[];
  actors: string[];
  types: EventType[];
  from?: string;
  to?: string;
  text?: string;
  status?: "occurred" | "planned";
  /** From 0 to 1. */
  minConfidence?: number;
}

export interface EventSummary {
  id: number;
  type: EventType;
  date: string;
  start: string;
  end: string;
  precision: "day" | "month" | "year" | "range";
  dateInferred: boolean;
  status: "occurred" | "planned";
  countries: string[];
  actors: string[];
  location: string;
  title: string;
  confidence: number;
}

export interface Facet {
  value: string;
  label: string;
  country: string;
  /** Actors only: from the gazetteer, or learned from the text alone. */
  kind?: ActorKind;
  count: number;
}

export type ActorKind = "known" | "learned";

/** A term of office of a known actor (from the gazetteer). */
export interface ActorOffice {
  country: string;
  countryName: string;
  title: string;
  from: string | null;
  /** null while the term runs. */
  to: string | null;
}

/** A title the articles gave an actor, and in how many events. */
export interface ActorRole {
  title: string;
  country: string;
  events: number;
}

/** An actor as an entity: the actor card. */
export interface ActorDetail {
  id: number;
  /** The canonical name (or, for a learned actor, the name as written). */
  name: string;
  country: string;
  countryName: string;
  kind: ActorKind;
  aliases: string[];
  /** Earliest first. */
  offices: ActorOffice[];
  roles: ActorRole[];
  events: number;
}

export interface Facets {
  countries: Facet[];
  actors: Facet[];
  types: Facet[];
}

export interface QueryResult {
  facets: Facets;
  /** Events in the database, whatever the filter. */
  total: number;
}

/** The events of a window of days. */
export interface WindowResult {
  /** Empty when `more`. */
  events: EventSummary[];
  /** More events lie in the window than were asked for: none are sent. */
  more: boolean;
}

/** Events starting in one bin of days (from `start`), in one lane. */
export interface Bin {
  start: string;
  /** An event type, a country code, an actor's name, or "" (one lane, or
   * the events without a country or an actor). */
  lane: string;
  count: number;
}

export type BinGroup = "type" | "country" | "actor" | "none";

/** The orders of the event table. */
export type RowSort = "date" | "type" | "country";

/** A page of the event table, and how many rows the table has. */
export interface RowsResult {
  events: EventSummary[];
  total: number;
}

/** A named view kept in the database. */
export interface SavedView {
  name: string;
  /** The view as the UI wrote it (lib/viewstate.ts); opaque to the backend. */
  state: string;
  /** When it was saved. */
  saved: string;
}

export interface Segment {
  text: string;
  evidence: boolean;
}

export interface Source {
  /** The source's report: what split_source and the disagreements name. */
  reportId: number;
  /** null for a source the analyst typed or an export brought. */
  articleId: number | null;
  file: string;
  title: string;
  url: string | null;
  published: string | null;
  publishedSource: string;
  evidence: string[];
  segments: Segment[];
  /** What this source says of the date, the place and the status. */
  date: string;
  location: string;
  status: string;
  /** Placed in the event by the analyst (a merge or a split). */
  pinned: boolean;
  /** Why the engine grouped it with the event's first source. */
  why: string[];
}

/** A field the sources give differently, and which sources (report ids) say what. */
export interface Disagreement {
  field: string;
  values: { value: string; reports: number[] }[];
}

/** A field the analyst set where the sources now say otherwise (values as edit_event takes them). */
export interface HeldField {
  field: string;
  shown: unknown;
  extracted: unknown;
}

/** One change in an event's audit trail. */
export interface AuditEntry {
  at: string;
  action: string;
  field: string;
  old: unknown;
  new: unknown;
}

/** The fields edit_event sets. */
export type EditField = "type" | "date" | "status" | "countries" | "actors" | "location";

export interface ActorInput {
  name: string;
  country: string;
  role: string;
}

export interface EventDetail {
  id: number;
  type: EventType;
  date: string;
  precision: string;
  dateInferred: boolean;
  status: string;
  countries: { code: string; name: string }[];
  actors: { name: string; country: string; role: string }[];
  location: string;
  confidence: number;
  sources: Source[];
  origin: "extracted" | "manual" | "imported";
  verified: boolean;
  deleted: boolean;
  /** The fields the analyst set. */
  edited: string[];
  tags: string[];
  note: string;
  disagreements: Disagreement[];
  held: HeldField[];
  audit: AuditEntry[];
}

/** An event of the review queue and why it needs a look. */
export interface ReviewItem extends EventSummary {
  reasons: string[];
}

/** What re-extracting every article did (the engine's names: snake_case). */
export interface Reextracted {
  articles: number;
  changed: number;
  added: number;
  kept: number;
  removed: number;
  held: { event_id: number; field: string; shown: unknown; extracted: unknown }[];
}

/** An event the analyst adds by hand (the engine's event JSON). */
export interface NewEvent {
  type: EventType;
  date: string;
  date_inferred: boolean;
  status: "occurred" | "planned";
  countries: string[];
  actors: ActorInput[];
  location: string;
  evidence: never[];
  confidence: number;
  sources: { title: string; file: string; url: string | null; published: string | null; evidence: { start: number; end: number; text: string }[] }[];
  tags: string[];
  note: string;
}

/** A person for the analyst's own gazetteer layer. */
export interface UserPerson {
  name: string;
  country: string;
  office: string;
  aliases: string[];
}

export interface ImportSummary {
  imported: number;
  /** Articles whose file changed: the new version replaced the old. */
  updated: number;
  events: number;
  /** The import was cancelled before every file was read. */
  cancelled: boolean;
  /** Why the import stopped early (the database failed), if it did. */
  stopped: string | null;
  alreadyPresent: number;
  failed: { file: string; reason: string }[];
  line: string;
}

export interface AppInfo {
  dbPath: string;
  articles: number;
  events: number;
  version: string;
  /** What the `--import` given at start-up did, once it is done. */
  startupImport: ImportSummary | null;
  /** The file name extensions the engine reads, for the import dialog. */
  extensions: string[];
  /** A folder exports are saved to without asking (`DETENTE_SAVE_DIR`, the end-to-end tests). */
  saveDir: string | null;
}

export interface UndatedArticle {
  id: number;
  title: string;
  file: string;
}

export interface ApiError {
  code: string;
  message: string;
}

/** Which field of a JSONL or CSV corpus holds what; absent: found by its name. */
export interface Columns {
  text?: string;
  title?: string;
  date?: string;
  url?: string;
}
