// The events of the current view as a table: for reading and for the keyboard.
import type { EventSummary } from "../lib/api";
import { clear, h } from "../lib/dom";
import { TYPE_LABEL } from "../lib/timeline/layout";

/** Rows built at most: a table of thousands of rows takes the web view
 * seconds to lay out, and nobody reads them; the timeline shows them all. */
export const MAX_ROWS = 300;

export class EventList {
  readonly el: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly note: HTMLParagraphElement;
  private selected: number | null = null;

  constructor(private readonly onSelect: (e: EventSummary) => void) {
    this.tbody = h("tbody", { "data-testid": "event-rows" });
    this.note = h("p", { class: "muted list-note", hidden: true, "data-testid": "list-note" });
    this.el = h(
      "div",
      { class: "event-list" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Type"), h("th", {}, "Countries"), h("th", {}, "Actors"), h("th", {}, "Place"), h("th", {}, "Article"))),
        this.tbody,
      ),
      this.note,
    );
  }

  /** Shows the first `MAX_ROWS` events; `more` says the range holds more
   * than `events`. */
  update(events: EventSummary[], more = false): void {
    clear(this.tbody);
    const shown = events.slice(0, MAX_ROWS);
    this.note.hidden = shown.length === events.length && !more;
    this.note.textContent = `The first ${shown.length} events of the range shown: zoom in or filter to list the others.`;
    for (const e of shown) {
      const row = h(
        "tr",
        {
          tabindex: 0,
          "data-event-id": e.id,
          "data-type": e.type,
          class: e.id === this.selected ? "selected" : "",
          onclick: () => this.onSelect(e),
          onkeydown: (ev: Event) => {
            const k = (ev as KeyboardEvent).key;
            if (k === "Enter" || k === " ") {
              ev.preventDefault();
              this.onSelect(e);
            } else if (k === "ArrowDown" || k === "ArrowUp") {
              ev.preventDefault();
              const sib = k === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
              (sib as HTMLElement | null)?.focus();
            }
          },
        },
        h("td", { class: "nowrap" }, e.date, e.dateInferred ? h("span", { class: "inferred", title: "No date in the text: the article's date" }, " *") : null),
        h("td", {}, h("span", { class: `swatch t-${e.type}` }), TYPE_LABEL[e.type], e.status === "planned" ? " (planned)" : ""),
        h("td", {}, e.countries.join(", ")),
        h("td", {}, e.actors.join(", ")),
        h("td", {}, e.location),
        h("td", { class: "muted" }, e.title),
      );
      this.tbody.append(row);
    }
  }

  select(id: number | null): void {
    this.selected = id;
    for (const row of this.tbody.querySelectorAll("tr")) {
      row.classList.toggle("selected", row.dataset.eventId === String(id));
    }
  }
}
