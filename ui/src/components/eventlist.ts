// The events of the range shown as a table, in the order chosen: for
// reading and for the keyboard. Rows are fetched a page at a time as the
// table scrolls, and only the pages near the rows shown are built (a table
// of thousands of rows takes the web view seconds to lay out); spacer rows
// above and below stand for the others, so the scroll bar tells the truth.
import type { EventSummary, RowSort, RowsResult } from "../lib/api";
import { h } from "../lib/dom";
import { MAX_SCROLL_ROWS, PAGE, moveTo, pagesFor, pagesToDrop, scrollToShow, visibleRows } from "../lib/table";
import { TYPE_LABEL } from "../lib/timeline/layout";

/** Asks for rows of the table, in an order: at most `limit` from `offset`. */
export type RowFetcher = (sort: RowSort, desc: boolean, offset: number, limit: number) => Promise<RowsResult>;

const COLUMNS: { label: string; sort?: RowSort; class: string }[] = [
  { label: "Date", sort: "date", class: "col-date" },
  { label: "Type", sort: "type", class: "col-type" },
  { label: "Countries", sort: "country", class: "col-countries" },
  { label: "Actors", class: "col-actors" },
  { label: "Place", class: "col-place" },
  { label: "Article", class: "col-article" },
];

export class EventList {
  readonly el: HTMLElement;
  private readonly scroller: HTMLDivElement;
  private readonly table: HTMLTableElement;
  private readonly thead: HTMLTableSectionElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly padTop: HTMLTableCellElement;
  private readonly padBottom: HTMLTableCellElement;
  private readonly totalLabel: HTMLSpanElement;
  private readonly note: HTMLParagraphElement;
  private readonly headers = new Map<RowSort, { th: HTMLTableCellElement; arrow: HTMLSpanElement }>();

  private fetcher: RowFetcher | null = null;
  /** What the rows shown depend on (filter, range, data): the same key
   * keeps the pages fetched. */
  private key = "";
  private sort: RowSort = "date";
  private desc = false;
  /** Bumped by each new query or order: answers to an older one are dropped. */
  private gen = 0;
  private pages = new Map<number, EventSummary[]>();
  private asked = new Set<number>();
  /** Rows of the query; -1 until its first page answers. */
  private total = -1;
  /** A new query's first page is on its way: the rows shown stay until it
   * comes, rather than blank the table. */
  private waiting = false;
  /** Built rows by index, in index order in the table. */
  private readonly rows = new Map<number, HTMLTableRowElement>();
  private selected: number | null = null;
  /** The row the keyboard is on: the table's one stop in the tab order. */
  private active = 0;
  /** Set from the first row built; the CSS makes every row as tall. */
  private rowHeight = 29;
  private measured = false;
  private frame = 0;

  constructor(
    private readonly onSelect: (e: EventSummary) => void,
    private readonly onError: (e: unknown) => void,
  ) {
    this.tbody = h("tbody", { "data-testid": "event-rows" });
    this.padTop = h("td", { colspan: 6 });
    this.padBottom = h("td", { colspan: 6 });
    this.thead = h(
      "thead",
      {},
      h(
        "tr",
        { "aria-rowindex": 1 },
        ...COLUMNS.map((c) => {
          const sort = c.sort;
          if (!sort) return h("th", { scope: "col", class: c.class }, c.label);
          const arrow = h("span", { class: "sort-arrow", "aria-hidden": "true" });
          const th = h(
            "th",
            { scope: "col", class: c.class },
            h(
              "button",
              { type: "button", class: "sort", "data-testid": `sort-${sort}`, onclick: () => this.sortBy(sort) },
              c.label,
              arrow,
            ),
          );
          this.headers.set(sort, { th, arrow });
          return th;
        }),
      ),
    );
    this.table = h(
      "table",
      { "aria-label": "Events of the range shown" },
      this.thead,
      // Spacers in bodies of their own: the rows' body holds event rows only.
      h("tbody", { class: "spacer", "aria-hidden": "true" }, h("tr", {}, this.padTop)),
      this.tbody,
      h("tbody", { class: "spacer", "aria-hidden": "true" }, h("tr", {}, this.padBottom)),
    );
    this.scroller = h("div", { class: "list-scroll" }, this.table);
    this.totalLabel = h("span", { class: "list-total", "data-testid": "list-total" });
    this.note = h("p", { class: "muted list-note", hidden: true, "data-testid": "list-note" });
    this.el = h("section", { class: "event-list", "aria-label": "Event table" }, h("div", { class: "list-bar" }, this.totalLabel, this.note), this.scroller);

    this.scroller.addEventListener("scroll", () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.tbody.addEventListener("click", (ev) => {
      const i = this.indexOf(ev.target);
      if (i === undefined) return;
      this.setActive(i);
      const e = this.eventAt(i);
      if (e) this.onSelect(e);
    });
    this.tbody.addEventListener("focusin", (ev) => {
      const i = this.indexOf(ev.target);
      if (i !== undefined && i !== this.active) this.setActive(i);
    });
    this.tbody.addEventListener("keydown", (ev) => this.onKey(ev));
    this.showSort();
  }

  /** Lists the rows `fetch` gives; `key` says what they depend on, and a
   * new key starts again from the top. */
  show(fetch: RowFetcher, key: string): void {
    this.fetcher = fetch;
    if (key === this.key) return;
    this.key = key;
    this.restart();
  }

  /** Marks the selected event's row, and brings it into view when it is
   * among the rows fetched. */
  select(id: number | null): void {
    this.selected = id;
    for (const row of this.rows.values()) this.markSelected(row);
    if (id === null) return;
    for (const [p, events] of this.pages) {
      const j = events.findIndex((e) => e.id === id);
      if (j < 0) continue;
      const i = p * PAGE + j;
      this.scroller.scrollTop = scrollToShow(i, this.scroller.scrollTop, this.viewport(), this.rowHeight);
      this.render();
      this.setActive(i);
      return;
    }
  }

  private restart(): void {
    this.gen++;
    this.pages = new Map();
    this.asked.clear();
    this.waiting = true;
    this.el.setAttribute("aria-busy", "true");
    this.fetch(0);
  }

  private sortBy(sort: RowSort): void {
    if (sort === this.sort) this.desc = !this.desc;
    else {
      this.sort = sort;
      this.desc = false;
    }
    this.showSort();
    if (this.fetcher) this.restart();
  }

  private showSort(): void {
    for (const [sort, { th, arrow }] of this.headers) {
      const on = sort === this.sort;
      th.setAttribute("aria-sort", on ? (this.desc ? "descending" : "ascending") : "none");
      arrow.textContent = on ? (this.desc ? " ▼" : " ▲") : "";
    }
  }

  private fetch(p: number): void {
    const fetcher = this.fetcher;
    if (!fetcher || this.asked.has(p)) return;
    this.asked.add(p);
    const gen = this.gen;
    fetcher(this.sort, this.desc, p * PAGE, PAGE).then(
      (r) => {
        if (gen !== this.gen) return;
        this.pages.set(p, r.events);
        this.total = r.total;
        if (this.waiting) {
          // The new query's rows replace the old ones, from the top.
          this.waiting = false;
          this.el.removeAttribute("aria-busy");
          for (const row of this.rows.values()) row.remove();
          this.rows.clear();
          this.scroller.scrollTop = 0;
          this.active = 0;
        }
        for (const q of pagesToDrop(this.pages.keys(), p)) {
          this.pages.delete(q);
          this.asked.delete(q);
        }
        this.render();
      },
      (e: unknown) => {
        if (gen !== this.gen) return;
        this.asked.delete(p);
        this.onError(e);
      },
    );
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** The height of the rows' part of the viewport, below the sticky header. */
  private viewport(): number {
    return Math.max(this.rowHeight, this.scroller.clientHeight - this.thead.offsetHeight);
  }

  private rowCount(): number {
    return Math.min(Math.max(this.total, 0), MAX_SCROLL_ROWS);
  }

  private eventAt(i: number): EventSummary | undefined {
    return this.pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  }

  private indexOf(target: EventTarget | null): number | undefined {
    const row = target instanceof Element ? target.closest<HTMLElement>("tr[data-index]") : null;
    return row ? Number(row.dataset.index) : undefined;
  }

  /** Builds the pages about the rows shown, asks for those missing, and
   * sizes the spacers for the rest. */
  private render(): void {
    if (this.waiting || this.total < 0) return;
    const n = this.rowCount();
    const shown = visibleRows(this.scroller.scrollTop, this.viewport(), this.rowHeight, n);
    const [p0, p1] = pagesFor(shown, n);
    for (let p = p0; p <= p1; p++) if (!this.pages.has(p)) this.fetch(p);
    const first = p0 * PAGE;
    const last = p1 < p0 ? first : Math.min(n, (p1 + 1) * PAGE);

    const focused = this.tbody.contains(document.activeElement);
    for (const [i, row] of this.rows) {
      // Rows out of the pages, and placeholders whose page has come.
      if (i < first || i >= last || (row.dataset.pending !== undefined && this.eventAt(i))) {
        row.remove();
        this.rows.delete(i);
      }
    }
    let next: HTMLTableRowElement | null = null;
    for (let i = last - 1; i >= first; i--) {
      let row = this.rows.get(i);
      if (!row) {
        row = this.makeRow(i);
        this.tbody.insertBefore(row, next);
        this.rows.set(i, row);
      }
      next = row;
    }
    if (!this.measured && next && next.dataset.pending === undefined) {
      const height = next.getBoundingClientRect().height;
      if (height > 0) {
        this.measured = true;
        this.rowHeight = height;
      }
    }
    this.padTop.style.height = `${first * this.rowHeight}px`;
    this.padBottom.style.height = `${(n - last) * this.rowHeight}px`;
    this.setActive(Math.min(this.active, Math.max(0, n - 1)));
    const stop = this.rows.get(this.active);
    if (focused && stop && document.activeElement !== stop) stop.focus({ preventScroll: true });

    this.table.setAttribute("aria-rowcount", String(this.total + 1));
    this.totalLabel.textContent =
      this.total === 0 ? "No events in the range shown" : `${this.total.toLocaleString()} event${this.total === 1 ? "" : "s"} in the range shown`;
    this.note.hidden = this.total <= MAX_SCROLL_ROWS;
    this.note.textContent = `The table scrolls through the first ${MAX_SCROLL_ROWS.toLocaleString()}: sort the other way, zoom in or filter to reach the others.`;
  }

  private makeRow(i: number): HTMLTableRowElement {
    const e = this.eventAt(i);
    const common = { "data-index": i, "aria-rowindex": i + 2, tabindex: -1 };
    if (!e) {
      // Its page is on its way.
      return h("tr", { ...common, class: "pending", "data-pending": true }, h("td", { colspan: 6, class: "muted" }, "…"));
    }
    const actors = e.actors.join(", ");
    const countries = e.countries.join(", ");
    const type = `${TYPE_LABEL[e.type]}${e.status === "planned" ? " (planned)" : ""}`;
    const row = h(
      "tr",
      { ...common, "data-event-id": e.id, "data-type": e.type },
      h("td", {}, e.date, e.dateInferred ? h("span", { class: "inferred", title: "No date in the text: the article's date" }, " *") : null),
      h("td", { title: type }, h("span", { class: `swatch t-${e.type}` }), type),
      h("td", { title: countries }, countries),
      h("td", { title: actors }, actors),
      h("td", { title: e.location }, e.location),
      h("td", { class: "muted", title: e.title }, e.title),
    );
    this.markSelected(row);
    return row;
  }

  private markSelected(row: HTMLTableRowElement): void {
    const on = this.selected !== null && row.dataset.eventId === String(this.selected);
    row.classList.toggle("selected", on);
    // aria-selected belongs to grids; a plain table's rows say "current".
    if (on) row.setAttribute("aria-current", "true");
    else row.removeAttribute("aria-current");
  }

  /** Puts row `i` in the tab order (or the first row built, when `i` is
   * not built). */
  private setActive(i: number): void {
    this.active = i;
    const stop = this.rows.get(i) ?? this.rows.values().next().value;
    for (const row of this.rows.values()) row.tabIndex = row === stop ? 0 : -1;
  }

  private onKey(ev: KeyboardEvent): void {
    const i = this.indexOf(ev.target);
    if (i === undefined) return;
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      const e = this.eventAt(i);
      if (e) this.onSelect(e);
      return;
    }
    const page = Math.max(1, Math.floor(this.viewport() / this.rowHeight) - 1);
    const j = moveTo(ev.key, i, this.rowCount(), page);
    if (j === undefined) return;
    ev.preventDefault();
    this.scroller.scrollTop = scrollToShow(j, this.scroller.scrollTop, this.viewport(), this.rowHeight);
    this.active = j;
    // Builds row j now (a placeholder while its page comes), to move the focus to.
    this.render();
    this.rows.get(j)?.focus({ preventScroll: true });
  }
}
