// Détente's window: toolbar, filters, timeline, event table, details.
import "./styles.css";
import * as api from "./lib/api";
import type { Columns, EventDetail, EventSummary, EventType, Facet, Filter, ImportSummary, QueryResult, SavedView } from "./lib/api";
import { h } from "./lib/dom";
import { Timeline } from "./lib/timeline/timeline";
import { GUTTER } from "./lib/timeline/paint";
import { TYPE_LABEL, TYPE_ORDER, binsFor, isoDay, padded, span, type Grouping } from "./lib/timeline/layout";
import { overviewBins } from "./lib/timeline/overview";
import { FacetList } from "./components/filters";
import { DetailPanel } from "./components/detail";
import { EventList } from "./components/eventlist";
import { UndatedPanel } from "./components/undated";
import { ReviewPanel } from "./components/review";
import { ImportPanel } from "./components/importpanel";
import { ScopePanel } from "./components/scope";
import { Overview } from "./components/overview";
import { SavedViews } from "./components/savedviews";
import { ExportMenu } from "./components/exportmenu";
import { timelineSvg } from "./lib/timeline/svg";
import { type Collapsed, type ViewState, loadView as loadSavedView, saveView, viewKey } from "./lib/viewstate";

const filter: Filter = { countries: [], actors: [], types: [] };
let lastTotal = -1;
let querySeq = 0;

const status = h("div", { class: "status", role: "status", "data-testid": "status" });
const dropHint = h("div", { class: "drop-hint", hidden: true }, "Drop article files to import them");

/** What the engine reads, as app_info tells (the dialog's filter). */
let extensions: string[] = [];

const importPanel = new ImportPanel(() => void api.cancelImport().catch(fail), {
  columns: (file) => api.corpusColumns(file),
  reimport: (file, columns) => void runImport([file], columns),
});

function report(s: ImportSummary): void {
  importPanel.finish(s);
  say("");
}

/** A short message in the status line. */
function say(text: string): void {
  status.textContent = text;
  status.classList.remove("error");
}

function fail(e: unknown): void {
  const err = api.toApiError(e);
  status.textContent = `Error: ${err.message}`;
  status.classList.add("error");
}

async function runImport(paths: string[], columns?: Columns): Promise<void> {
  if (paths.length === 0) return;
  // One import at a time: they would share the progress bar and Cancel.
  if (importPanel.running) {
    status.textContent = "An import is under way: wait for it to finish, or cancel it.";
    return;
  }
  importPanel.start(paths.length);
  let summary: ImportSummary;
  try {
    summary = await api.importFiles(paths, columns);
  } catch (e) {
    importPanel.abort(api.toApiError(e).message);
    return;
  }
  report(summary);
  await refresh();
}

const detail = new DetailPanel(() => selectEvent(null), {
  fit: () => fitSelection(),
  curate: {
    edit: api.editEvent,
    remove: api.deleteEvent,
    verify: api.verifyEvent,
    tag: api.tagEvent,
    merge: api.mergeEvents,
    split: api.splitSource,
  },
  changed: (d) => void curated(d),
  savePerson: api.savePerson,
  actor: (name) => api.actorDetail(name),
  filterByActor: (name) => {
    filter.actors = [name];
    void refresh();
  },
});
const undated = new UndatedPanel(async (id, date) => {
  try {
    const n = await api.setPublished(id, date);
    say(`Publication date set: ${n} event${n === 1 ? "" : "s"} read from the article`);
    await refresh(true);
  } catch (e) {
    fail(e);
  }
});
const review = new ReviewPanel({
  queue: api.reviewQueue,
  deleted: api.deletedEvents,
  restore: (id) => api.deleteEvent(id, false),
  verify: (id) => api.verifyEvent(id, true),
  add: api.addEvent,
  reextract: api.reextract,
  open: (item) => void selectEvent(item),
  show: (d) => {
    detailSeq++;
    if (selected?.id !== d.id) selected = null;
    detail.show(d);
    list.select(d.id);
    timeline.select(d.id);
  },
  changed: () => void refresh(),
});
const list = new EventList((e) => selectEvent(e), fail);
let loaded = false;
let reportedDraw = false;
/** The lanes collapsed, for each grouping. */
let collapsed: Collapsed = {};
const timeline = new Timeline(h("div"), {
  onSelect: (e) => selectEvent(e, false),
  onView: (domain) => {
    overview.setView(domain);
    scheduleView();
  },
  onFitSelection: () => fitSelection(),
  onCollapse: (keys) => {
    collapsed = { ...collapsed, [grouping.value as Grouping]: keys };
    keepView();
  },
  onDraw: (drawn) => {
    // The first frame drawn after the first query answers: launch timing.
    if (loaded && !reportedDraw) {
      reportedDraw = true;
      void api.firstDraw(drawn).catch(() => undefined);
    }
  },
});

let detailSeq = 0;
/** The event selected, from the timeline or the table. */
let selected: EventSummary | null = null;

/** "Fit selection": the selected event's days, with a margin. */
function fitSelection(): void {
  if (selected) timeline.showRange(padded(...span(selected)));
}

/** After a correction: the event `d` is the one shown (a split shows the
 * new event), marked in the timeline and the table once they are redrawn. */
async function curated(d: EventDetail): Promise<void> {
  detailSeq++; // an answer still on its way for an earlier selection is dropped
  if (selected?.id !== d.id) selected = null;
  review.refreshIfOpen();
  await refresh();
  list.select(d.id);
  timeline.select(d.id);
}

async function selectEvent(e: EventSummary | null, fromOutside = true): Promise<void> {
  const seq = ++detailSeq;
  selected = e;
  list.select(e?.id ?? null);
  if (fromOutside) timeline.select(e?.id ?? null);
  if (!e) {
    detail.hide();
    return;
  }
  try {
    const d = await api.eventDetail(e.id);
    if (seq === detailSeq) detail.show(d); // a later selection wins
  } catch (err) {
    fail(err);
  }
}

function toggle(list_: string[], v: string): void {
  const i = list_.indexOf(v);
  if (i >= 0) list_.splice(i, 1);
  else list_.push(v);
}

const countries = new FacetList({
  title: "Countries",
  testid: "countries",
  onToggle: (v) => {
    toggle(filter.countries, v);
    void refresh();
  },
  onClear: () => {
    filter.countries = [];
    void refresh();
  },
});
const actors = new FacetList({
  title: "Actors",
  testid: "actors",
  onToggle: (v) => {
    toggle(filter.actors, v);
    void refresh();
  },
  onClear: () => {
    filter.actors = [];
    void refresh();
  },
  find: (typed) => api.searchActors(typed),
});

const scope = new ScopePanel((s) => {
  delete filter.from;
  delete filter.to;
  delete filter.status;
  delete filter.minConfidence;
  Object.assign(filter, s);
  void refresh();
});

const legend = h("div", { class: "legend", "data-testid": "legend" });
const count = h("span", { class: "count-label", "data-testid": "event-count" });
const inView = h("span", { class: "count-label", "data-testid": "in-view" });
const searchBox = h("input", {
  type: "search",
  placeholder: "Search evidence and titles…",
  "aria-label": "Search evidence and titles",
  "data-testid": "search",
});
let searchTimer = 0;
searchBox.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    filter.text = searchBox.value;
    void refresh();
  }, 150);
});

const emptyState = h(
  "div",
  { class: "empty-state", hidden: true, "data-testid": "empty-state" },
  h("h2", {}, "No articles yet"),
  h("p", {}, "Import articles (text, Markdown, saved web pages, PDF, Word, e-mail, RSS and Atom feeds, JSONL and CSV corpora, or whole folders) with the buttons above or by dropping them on the window, or start with the sample articles."),
  h(
    "button",
    {
      type: "button",
      class: "primary",
      "data-testid": "load-samples",
      onclick: async () => {
        try {
          status.textContent = "Loading the sample articles…";
          report(await api.loadSamples());
          await refresh(true);
        } catch (e) {
          fail(e);
        }
      },
    },
    "Load sample articles",
  ),
);

const grouping = h(
  "select",
  {
    "aria-label": "Lanes",
    onchange: () => {
      const g = grouping.value as Grouping;
      timeline.setGrouping(g);
      timeline.setCollapsed(collapsed[g] ?? []);
      scheduleView();
    },
  },
  h("option", { value: "type" }, "Lanes by type"),
  h("option", { value: "country" }, "Lanes by country"),
  h("option", { value: "actor" }, "Lanes by actor"),
  h("option", { value: "none" }, "One lane"),
);

// The whole filtered span, and a brush that sets the range shown.
const overview = new Overview(GUTTER, (d) => timeline.showRange(d));

const timelineHost = timeline.canvas.parentElement as HTMLElement;
timelineHost.className = "timeline";

/** The type counts of the last query, for redrawing the legend when a type is toggled. */
let typeCounts: Facet[] = [];

/** The legend is the type filter: a type's button shows only (or also) its
 * events; with none pressed, every type is shown. */
function renderLegend(types: Facet[]): void {
  typeCounts = types;
  legend.replaceChildren(
    ...TYPE_ORDER.map((t) => {
      const n = types.find((f) => f.value === t)?.count ?? 0;
      const on = filter.types.includes(t);
      const off = filter.types.length > 0 && !on;
      return h(
        "button",
        {
          type: "button",
          class: `legend-item${n ? "" : " none"}${off ? " off" : ""}`,
          "aria-pressed": String(on),
          "data-testid": `type-${t}`,
          title: on ? `Stop showing only ${TYPE_LABEL[t].toLowerCase()}s` : `Show ${TYPE_LABEL[t].toLowerCase()}s`,
          onclick: () => {
            toggle(filter.types, t);
            renderLegend(typeCounts);
            void refresh();
          },
        },
        h("span", { class: `swatch t-${t}` }),
        `${TYPE_LABEL[t]} ${n.toLocaleString()}`,
      );
    }),
  );
}

// Drawn before the counts come, so that nothing below moves when they do.
renderLegend([]);

/** Marks drawn one by one, at most; a range holding more is drawn as
 * counts per bin. */
const MARKS = 5000;
let viewTimer = 0;
/** Where this database's view is kept (set once the app says which database). */
let storageKey = "";
/** The view was restored: the first load keeps its range instead of fitting. */
let restored = false;
let viewSeq = 0;

/** What a view's data depends on: asking twice for the same is skipped. */
let viewAsked = "";
function viewKeyNow(): string {
  const [a, b] = timeline.view();
  return JSON.stringify([filter, isoDay(a), isoDay(b), timeline.plotWidth(), grouping.value]);
}

/** Asks for what the range shown holds, once panning or zooming pauses. */
function scheduleView(): void {
  clearTimeout(viewTimer);
  viewTimer = window.setTimeout(() => {
    if (viewKeyNow() !== viewAsked) void loadView();
  }, 60);
}

/** The events of the range shown, or its counts per bin when too many. */
async function loadView(): Promise<void> {
  const seq = ++viewSeq;
  viewAsked = viewKeyNow();
  const domain = timeline.view();
  const from = isoDay(domain[0]);
  const to = isoDay(domain[1]);
  try {
    const w = await api.window(filter, from, to, MARKS);
    if (seq !== viewSeq) return;
    let density = null;
    if (w.more) {
      const b = binsFor(domain, timeline.plotWidth());
      const bins = await api.bins(filter, b.from, b.to, b.days, grouping.value as Grouping);
      if (seq !== viewSeq) return;
      density = { bins, days: b.days };
    }
    timeline.setData(w.events, density);
    keepView();
    // The table asks for its rows once the canvas has what it draws. A
    // snapshot of the filter: the table pages through this query.
    const f: Filter = structuredClone(filter);
    list.show((sort, desc, offset, limit) => api.rows(f, from, to, sort, desc, offset, limit), JSON.stringify([querySeq, f, from, to]));
    inView.textContent = w.more ? `${MARKS.toLocaleString()}+ in view` : `${w.events.length.toLocaleString()} in view`;
    loaded = true;
  } catch (e) {
    fail(e);
  }
}

/** What is shown, as a view to keep or to save under a name. */
function currentState(): ViewState {
  return { filter, domain: timeline.view(), grouping: grouping.value as Grouping, collapsed };
}

/** Keeps what is shown for the next start. */
function keepView(): void {
  if (storageKey) localStorage.setItem(storageKey, saveView(currentState()));
}

/** Shows a kept or saved view: its filter in every control, its lanes, its range. */
function applyState(v: ViewState): void {
  restored = true;
  delete filter.from;
  delete filter.to;
  delete filter.text;
  delete filter.status;
  delete filter.minConfidence;
  Object.assign(filter, structuredClone(v.filter));
  scope.set(filter);
  clearTimeout(searchTimer);
  searchBox.value = filter.text ?? "";
  grouping.value = v.grouping;
  collapsed = v.collapsed;
  timeline.setGrouping(v.grouping);
  timeline.setCollapsed(collapsed[v.grouping] ?? []);
  timeline.showRange(v.domain);
}

function openView(v: SavedView): void {
  const state = loadSavedView(v.state);
  if (!state) {
    fail({ code: "bad_view", message: `the view “${v.name}” cannot be read` });
    return;
  }
  applyState(state);
  say(`View “${v.name}” opened`);
  void refresh();
}

const savedViews = new SavedViews({
  list: () => api.views(),
  save: async (name) => {
    await api.saveView(name, saveView(currentState()));
    say(`View “${name}” saved`);
  },
  open: openView,
  remove: async (name) => {
    await api.deleteView(name);
  },
  onError: fail,
});

/** Today (local), YYYY-MM-DD: exported files are named after the day. */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** A PNG's bytes as base64, as `save_image` takes them. */
function base64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("the picture could not be read"));
    reader.readAsDataURL(blob);
  });
}

/** A database file, for backups and restores. */
const DATABASE = { name: "Détente database", extensions: ["db", "sqlite"] };

/** Runs an export, reporting its end (a message, or null when the analyst
 * cancelled) or its failure in the status line. */
async function exporting(run: () => Promise<string | null>): Promise<void> {
  try {
    const done = await run();
    if (done !== null) say(done);
  } catch (e) {
    fail(e);
  }
}

const exportMenu: ExportMenu = new ExportMenu({
  // The filtered view: what the timeline and the table show.
  events: (format) =>
    exporting(async () => {
      const kind = format.toUpperCase();
      const path = await api.chooseSavePath(`Export the events as ${kind}`, `detente-events-${today()}.${format}`, { name: kind, extensions: [format] });
      if (!path) return null;
      say("Exporting the events…");
      const n = await api.exportEvents(structuredClone(filter), format, path);
      return `Exported ${n.toLocaleString()} event${n === 1 ? "" : "s"} to ${path}`;
    }),
  // The range and lanes shown, every lane, at the size shown.
  image: (format) =>
    exporting(async () => {
      const kind = format.toUpperCase();
      const path = await api.chooseSavePath(`Save the timeline as ${kind}`, `detente-timeline-${today()}.${format}`, { name: `${kind} picture`, extensions: [format] });
      if (!path) return null;
      say("Saving the timeline…");
      if (format === "svg") {
        const { scene, palette, text } = timeline.exportScene();
        const [a, b] = timeline.view();
        await api.saveImage(path, { svg: timelineSvg(scene, palette, `Détente timeline, ${isoDay(a)} – ${isoDay(b)}`, text) });
      } else {
        await api.saveImage(path, { pngBase64: await base64(await timeline.exportPng()) });
      }
      return `Saved the timeline as ${kind} to ${path}`;
    }),
  backup: () =>
    exporting(async () => {
      const path = await api.chooseSavePath("Back up the database", `detente-backup-${today()}.db`, DATABASE);
      if (!path) return null;
      say("Backing up the database…");
      await api.backupDatabase(path);
      return `Backed up the database to ${path}`;
    }),
  restore: () =>
    exporting(async () => {
      const path = await api.chooseFile("Restore the database from a backup", DATABASE);
      if (!path) return null;
      const sure = await exportMenu.confirm(
        `Replace every article, event, correction and saved view in this database with those of ${path}? What is here now is lost unless it was backed up.`,
      );
      if (!sure) return null;
      say("Restoring the database…");
      await api.restoreDatabase(path);
      // Everything shown came from the old data: read it all again.
      void selectEvent(null);
      await savedViews.reload();
      await refresh(true);
      return `Restored the database from ${path}`;
    }),
});

/** Counts per bin of the filter's whole span, for the overview strip. */
let overviewSeq = 0;
async function loadOverview(first: string | undefined, last: string | undefined): Promise<void> {
  const seq = ++overviewSeq;
  if (!first || !last) {
    overview.setBins([]);
    return;
  }
  const b = overviewBins(first, last);
  try {
    const bins = await api.bins(filter, b.from, b.to, b.days, "none");
    if (seq === overviewSeq) overview.setBins(bins, b.days);
  } catch (e) {
    fail(e);
  }
}

async function refresh(fit = false): Promise<void> {
  const seq = ++querySeq;
  // The timeline first: its range ("fit all"; shown now when fitting),
  // then what the range shows; the facet counts, slower on a large
  // database, after.
  try {
    const s = await api.span(filter);
    if (seq !== querySeq) return;
    overview.setExtent(s.first, s.last);
    timeline.setExtent(s.first, s.last, fit || (lastTotal <= 0 && !restored));
    clearTimeout(viewTimer);
    await loadView();
    // Not waited for: the facets need not wait for the strip.
    if (seq === querySeq) void loadOverview(s.first, s.last);
  } catch (e) {
    fail(e);
    return;
  }
  let r: QueryResult;
  try {
    r = await api.query(filter);
  } catch (e) {
    fail(e);
    return;
  }
  if (seq !== querySeq) return; // a newer query is on its way
  lastTotal = r.total;
  countries.update(r.facets.countries, filter.countries);
  actors.update(r.facets.actors, filter.actors);
  renderLegend(r.facets.types);
  // Type counts leave out the type filter, as every facet does its own.
  const matching = r.facets.types
    .filter((t) => filter.types.length === 0 || filter.types.includes(t.value as EventType))
    .reduce((n, t) => n + t.count, 0);
  count.textContent = `${matching.toLocaleString()} of ${r.total.toLocaleString()} events`;
  emptyState.hidden = r.total > 0;
  try {
    const undatedNow = await api.undatedArticles();
    if (seq === querySeq) undated.update(undatedNow.articles, undatedNow.total);
  } catch (e) {
    fail(e);
  }
  timeline.redraw();
}

document.body.append(
  h(
    "div",
    { class: "app" },
    h(
      "header",
      { class: "toolbar" },
      h("h1", {}, "Détente"),
      h("button", { type: "button", class: "primary", "data-testid": "import", onclick: async () => runImport(await api.chooseFiles(extensions)) }, "Import…"),
      h("button", { type: "button", "data-testid": "import-folder", onclick: async () => runImport(await api.chooseFolder()) }, "Import folder…"),
      exportMenu.el,
      searchBox,
      grouping,
      h("button", { type: "button", title: "Zoom in (+)", "aria-label": "Zoom in", onclick: () => timeline.zoomBy(0.7) }, "+"),
      h("button", { type: "button", title: "Zoom out (−)", "aria-label": "Zoom out", onclick: () => timeline.zoomBy(1 / 0.7) }, "−"),
      h("button", { type: "button", title: "Fit all (0)", "data-testid": "fit-all", onclick: () => timeline.fitAll() }, "Fit all"),
      undated.button,
      review.button,
      count,
      inView,
    ),
    h("nav", { class: "sidebar", "aria-label": "Filters" }, savedViews.el, scope.el, countries.el, actors.el),
    h(
      "main",
      { class: "content" },
      undated.el,
      review.el,
      legend,
      overview.el,
      h("div", { class: "timeline-wrap" }, timelineHost, emptyState),
      list.el,
    ),
    detail.el,
    h("footer", {}, importPanel.el, status),
  ),
  dropHint,
);

// Listen first, then ask: an import given at start-up is reported whether
// it finished before the window loaded or after.
await api.onDataChanged((s) => {
  report(s);
  void refresh(true);
});
try {
  const info = await api.appInfo();
  extensions = info.extensions;
  if (info.startupImport) report(info.startupImport);
  document.title = `Détente — ${info.dbPath}`;
  storageKey = viewKey(info.dbPath);
  const saved = loadSavedView(localStorage.getItem(storageKey));
  if (saved) applyState(saved);
  void savedViews.reload();
} catch (e) {
  fail(e);
}
void api.onImportProgress((done, total, file) => importPanel.progress(done, total, file));
void api.onFileDrop(
  (paths) => void runImport(paths),
  (over) => (dropHint.hidden = !over),
);
void refresh(!restored);
