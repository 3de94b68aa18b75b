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
  articleId: number;
  file: string;
  title: string;
  published: string | null;
  publishedSource: string;
  evidence: string[];
  segments: Segment[];
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
