// The side panel: countries and actors present, with counts; selecting
// narrows the timeline, clearing restores it.
import type { Facet } from "../lib/api";
import { clear, h } from "../lib/dom";

export interface FacetListOptions {
  title: string;
  testid: string;
  onToggle: (value: string) => void;
  onClear: () => void;
}

export class FacetList {
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly clearButton: HTMLButtonElement;
  private readonly search: HTMLInputElement;
  private facets: Facet[] = [];
  private selected = new Set<string>();

  constructor(private readonly o: FacetListOptions) {
    this.list = h("ul", { class: "facet-list", "data-testid": `${o.testid}-list` });
    this.clearButton = h("button", { class: "link", type: "button", onclick: () => o.onClear(), "data-testid": `${o.testid}-clear` }, "Clear");
    this.search = h("input", {
      type: "search",
      placeholder: `Find ${o.title.toLowerCase()}…`,
      "aria-label": `Find ${o.title.toLowerCase()}`,
      oninput: () => this.render(),
    });
    this.el = h(
      "section",
      { class: "facet", "data-testid": o.testid },
      h("header", {}, h("h2", {}, o.title), this.clearButton),
      this.search,
      this.list,
    );
  }

  update(facets: Facet[], selected: string[]): void {
    this.facets = facets;
    this.selected = new Set(selected);
    this.render();
  }

  private render(): void {
    clear(this.list);
    this.clearButton.hidden = this.selected.size === 0;
    const q = this.search.value.trim().toLowerCase();
    // Selected values stay listed even when the other filters leave them no events.
    const shown: Facet[] = [...this.facets];
    for (const v of this.selected) {
      if (!shown.some((f) => f.value === v)) shown.push({ value: v, label: v, country: "", count: 0 });
    }
    for (const f of shown) {
      if (q && !f.label.toLowerCase().includes(q) && !f.value.toLowerCase().includes(q)) continue;
      const on = this.selected.has(f.value);
      const item = h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: on ? "facet-item on" : "facet-item",
            "aria-pressed": on ? "true" : "false",
            "data-value": f.value,
            onclick: () => this.o.onToggle(f.value),
          },
          h("span", { class: "facet-label" }, f.label),
          f.country ? h("span", { class: "facet-sub" }, f.country) : null,
          h("span", { class: "count" }, String(f.count)),
        ),
      );
      this.list.append(item);
    }
    if (!this.list.firstChild) this.list.append(h("li", { class: "empty" }, "None"));
  }
}
