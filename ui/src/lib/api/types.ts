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
  count: number;
}

export interface Facets {
  countries: Facet[];
  actors: Facet[];
  types: Facet[];
}

export interface QueryResult {
  events: EventSummary[];
  facets: Facets;
  total: number;
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
