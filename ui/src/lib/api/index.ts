// The UI's one door to the backend: the only module that imports @tauri-apps.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import type {
  ActorDetail,
  Columns,
  ApiError,
  AppInfo,
  EditField,
  EventDetail,
  Filter,
  NewEvent,
  Reextracted,
  ReviewItem,
  UserPerson,
  ImportSummary,
  QueryResult,
  WindowResult,
  Bin,
  BinGroup,
  RowSort,
  RowsResult,
  SavedView,
  UndatedArticle,
} from "./types";

export type * from "./types";

/** Every backend failure, whatever its origin, as `{code, message}`. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    return { code: String(e.code), message: String(e.message) };
  }
  return { code: "internal", message: e instanceof Error ? e.message : String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** Where exports are saved without asking, when the app was started with
 * `DETENTE_SAVE_DIR` (the end-to-end tests; a native dialog cannot be
 * driven): set from `appInfo`. */
let saveDir: string | null = null;

export async function appInfo(): Promise<AppInfo> {
  const info = await call<AppInfo>("app_info");
  saveDir = info.saveDir ?? null;
  return info;
}
export const query = (filter: Filter) => call<QueryResult>("query", { filter });
/** The first and last days of the events of a filter (quick, unlike the facets of `query`). */
export const span = (filter: Filter) => call<{ first?: string; last?: string }>("span", { filter });
/** The events overlapping the days `from` to `to` (YYYY-MM-DD), if at most `limit` (else none, and `more`). */
export const window = (filter: Filter, from: string, to: string, limit: number) =>
  call<WindowResult>("window", { filter, from, to, limit });
/** Events per bin of `width` days from `from` to `to`, by lane. */
export const bins = (filter: Filter, from: string, to: string, width: number, group: BinGroup) =>
  call<Bin[]>("bins", { filter, from, to, width, group });
/** A page of the events overlapping the days `from` to `to`, in the table's
 * order, and how many there are. */
export const rows = (filter: Filter, from: string, to: string, sort: RowSort, desc: boolean, offset: number, limit: number) =>
  call<RowsResult>("rows", { filter, from, to, sort, desc, offset, limit });
/** The named views kept in the database. */
export const views = () => call<SavedView[]>("list_views");
/** Keeps a view under a name; a view of the same name is replaced. */
export const saveView = (name: string, state: string) => call<null>("save_view", { name, stateJson: state });
export const deleteView = (name: string) => call<null>("delete_view", { name });
export const eventDetail = (id: number) => call<EventDetail>("event_detail", { id });
/** Sets a field of an event; `null` gives the field back to its sources. */
export const editEvent = (id: number, field: EditField, value: unknown) =>
  call<EventDetail>("edit_event", { id, field, value });
/** Deletes an event (kept, restorable) or restores it. */
export const deleteEvent = (id: number, deleted: boolean) => call<EventDetail>("delete_event", { id, deleted });
export const verifyEvent = (id: number, verified: boolean) => call<EventDetail>("verify_event", { id, verified });
export const tagEvent = (id: number, tags: string[], note: string) => call<EventDetail>("tag_event", { id, tags, note });
/** Merges event `from` into `into`; gives `into` as it now is. */
export const mergeEvents = (into: number, from: number) => call<EventDetail>("merge_events", { into, from });
/** Splits a source off an event; gives the new event. */
export const splitSource = (id: number, reportId: number) => call<EventDetail>("split_source", { id, reportId });
export const addEvent = (event: NewEvent) => call<EventDetail>("add_event", { event });
/** The events that most need a human look, and why. */
export const reviewQueue = () => call<ReviewItem[]>("review_queue", {});
export const deletedEvents = () => call<EventDetail[]>("deleted_events", {});
/** Reads every article again; what the analyst set holds. */
export const reextract = () => call<Reextracted>("reextract", {});
/** Adds a person to the analyst's own gazetteer layer. */
export const savePerson = (person: UserPerson) => call<null>("save_person", { person });
/** An actor by any of their names: canonical name, country, kind, aliases, offices. */
export const actorDetail = (name: string) => call<ActorDetail>("actor_detail", { name });
/** The names of the actors any of whose names (aliases too) contains `text`. */
export const searchActors = (text: string) => call<string[]>("search_actors", { text });
/** Imports files and folders; `columns` names a corpus's fields when the analyst chose them. */
export const importFiles = (paths: string[], columns?: Columns) => call<ImportSummary>("import_files", { paths, columns });
/** The field names of a JSONL or CSV corpus, to choose its columns from. */
export const corpusColumns = (path: string) => call<string[]>("corpus_columns", { path });
export const loadSamples = () => call<ImportSummary>("load_samples");
/** Stops the import under way after the files being read; what was stored stays. */
export const cancelImport = () => call<null>("cancel_import");
/** The newest articles without a date (at most 100), and how many there are. */
export const undatedArticles = () => call<{ articles: UndatedArticle[]; total: number }>("undated_articles");
/** Sets an article's publication date; its events are read again. */
export const setPublished = (articleId: number, date: string) =>
  call<number>("set_published", { articleId, date });
/** Tells the backend the timeline has been drawn once (launch timing). */
export const firstDraw = (events: number) => call<number>("first_draw", { events });

/** Writes the events of the filtered view (one row per event, with its
 * sources) to `path` as CSV or JSON; the number of events written. */
export const exportEvents = (filter: Filter, format: "csv" | "json", path: string) =>
  call<number>("export_events", { filter, format, path });
/** Copies the whole database to `path`, consistent even while the app writes. */
export const backupDatabase = (path: string) => call<null>("backup_database", { path });
/** Replaces the database's contents with those of the backup at `path`. */
export const restoreDatabase = (path: string) => call<null>("restore_database", { path });
/** Writes the timeline's picture to `path` (whose extension must be .svg or
 * .png, as the picture is): an SVG document, or PNG bytes in base64. */
export const saveImage = (path: string, image: { svg: string } | { pngBase64: string }) =>
  call<null>("save_image", { path, svg: "svg" in image ? image.svg : null, pngBase64: "pngBase64" in image ? image.pngBase64 : null });

/** Opens the native save dialog on `defaultName` (in the folder the dialog
 * last showed), offering files of one kind; null when cancelled. */
export async function chooseSavePath(title: string, defaultName: string, kind: { name: string; extensions: string[] }): Promise<string | null> {
  if (saveDir) return `${saveDir}/${defaultName}`;
  return save({ title, defaultPath: defaultName, filters: [kind] });
}

/** Opens the native dialog for one file of one kind; null when cancelled. */
export async function chooseFile(title: string, kind: { name: string; extensions: string[] }): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, title, filters: [kind] });
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}

/** Opens the native multi-file dialog, showing files with the engine's
 * extensions (`AppInfo.extensions`); an empty list when cancelled. */
export async function chooseFiles(extensions: string[]): Promise<string[]> {
  const picked = await open({
    multiple: true,
    directory: false,
    title: "Import articles",
    filters: [{ name: "Articles", extensions }],
  });
  if (!picked) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** Opens the native folder dialog (a folder is imported recursively); an empty list when cancelled. */
export async function chooseFolder(): Promise<string[]> {
  const picked = await open({ multiple: false, directory: true, title: "Import a folder of articles" });
  if (!picked) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** Called when files are imported by another way in (start-up arguments). */
export function onDataChanged(cb: (s: ImportSummary) => void): Promise<UnlistenFn> {
  return listen<ImportSummary>("data-changed", (e) => cb(e.payload));
}

export function onImportProgress(
  cb: (done: number, total: number, file: string) => void,
): Promise<UnlistenFn> {
  return listen<[number, number, string]>("import-progress", (e) => cb(...e.payload));
}

/** Files dropped on the window, and whether a drag is over it. */
export function onFileDrop(
  drop: (paths: string[]) => void,
  hover: (over: boolean) => void,
): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((e) => {
    const p = e.payload;
    if (p.type === "over" || p.type === "enter") hover(true);
    else if (p.type === "leave") hover(false);
    else if (p.type === "drop") {
      hover(false);
      if (p.paths.length) drop(p.paths);
    }
  });
}
