// The side panel: countries and actors present, with counts; selecting
// narrows the timeline, clearing restores it. Actors are listed by their
// canonical names; those learned from the text alone are marked.
import type { Facet } from "../lib/api";
import { facetMatches } from "../lib/actors";
import { clear, h } from "../lib/dom";

export interface FacetListOptions {
  title: string;
  testid: string;
  onToggle: (value: string) => void;
  onClear: () => void;
  /** Values found by other names for what was typed (actors' aliases). */
  find?: (typed: string) => Promise<string[]>;
}

export class FacetList {
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly clearButton: HTMLButtonElement;
  private readonly search: HTMLInputElement;
  private facets: Facet[] = [];
  private selected = new Set<string>();
  /** What `find` answered, and for which text. */
  private found: { typed: string; values: Set<string> } = { typed: "", values: new Set() };
  private findTimer = 0;
  private findSeq = 0;

  constructor(private readonly o: FacetListOptions) {
    this.list = h("ul", { class: "facet-list", "data-testid": `${o.testid}-list` });
    this.clearButton = h("button", { class: "link", type: "button", onclick: () => o.onClear(), "data-testid": `${o.testid}-clear` }, "Clear");
    this.search = h("input", {
      type: "search",
      placeholder: `Find ${o.title.toLowerCase()}…`,
      "aria-label": `Find ${o.title.toLowerCase()}`,
      "data-testid": `${o.testid}-find`,
      oninput: () => {
        this.render();
        this.askFind();
      },
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

  /** Asks the backend which values other names match, shortly after typing stops. */
  private askFind(): void {
    const find = this.o.find;
    if (!find) return;
    clearTimeout(this.findTimer);
    const typed = this.search.value.trim();
    if (!typed) return;
    const seq = ++this.findSeq;
    this.findTimer = window.setTimeout(() => {
      find(typed)
        .then((values) => {
          if (seq !== this.findSeq) return; // a later search wins
          this.found = { typed, values: new Set(values) };
          this.render();
        })
        .catch(() => undefined); // the list still matches by name
    }, 120);
  }

  private render(): void {
    clear(this.list);
    this.clearButton.hidden = this.selected.size === 0;
    const q = this.search.value.trim();
    const also = this.found.typed === q ? this.found.values : new Set<string>();
    // Selected values stay listed even when the other filters leave them no events.
    const shown: Facet[] = [...this.facets];
    for (const v of this.selected) {
      if (!shown.some((f) => f.value === v)) shown.push({ value: v, label: v, country: "", count: 0 });
    }
    for (const f of shown) {
      if (!facetMatches(f, q, also)) continue;
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
            "data-kind": f.kind,
            onclick: () => this.o.onToggle(f.value),
          },
          h("span", { class: "facet-label" }, f.label),
          f.kind === "learned" ? h("span", { class: "facet-learned", title: "Learned from the text: not in the gazetteer" }, "learned") : null,
          f.country ? h("span", { class: "facet-sub" }, f.country) : null,
          h("span", { class: "count" }, f.count.toLocaleString()),
        ),
      );
      this.list.append(item);
    }
    if (!this.list.firstChild) this.list.append(h("li", { class: "empty" }, "None"));
  }
}
