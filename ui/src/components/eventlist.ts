// The events of the current view as a table: for reading and for the keyboard.
import type { EventSummary } from "../lib/api";
import { clear, h } from "../lib/dom";
import { TYPE_LABEL } from "../lib/timeline/layout";

export class EventList {
  readonly el: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private selected: number | null = null;

  constructor(private readonly onSelect: (e: EventSummary) => void) {
    this.tbody = h("tbody", { "data-testid": "event-rows" });
    this.el = h(
      "div",
      { class: "event-list" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Type"), h("th", {}, "Countries"), h("th", {}, "Actors"), h("th", {}, "Place"), h("th", {}, "Article"))),
        this.tbody,
      ),
    );
  }

  update(events: EventSummary[]): void {
    clear(this.tbody);
    for (const e of events) {
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
