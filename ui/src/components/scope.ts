// The side panel's filters beside the facets: a date range, occurred or
// planned events, and how sure the engine must have been.
import type { Filter } from "../lib/api";
import { h } from "../lib/dom";

/** The part of the filter this panel sets. */
export type Scope = Pick<Filter, "from" | "to" | "status" | "minConfidence">;

const CONFIDENCE: [string, string][] = [
  ["", "Any confidence"],
  ["0.5", "At least 50%"],
  ["0.7", "At least 70%"],
  ["0.9", "At least 90%"],
];

export class ScopePanel {
  readonly el: HTMLElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly status: HTMLSelectElement;
  private readonly confidence: HTMLSelectElement;

  constructor(onChange: (scope: Scope) => void) {
    const changed = () => onChange(this.value());
    const date = (label: string, testid: string) =>
      h("input", { type: "date", "aria-label": label, "data-testid": testid, onchange: changed });
    this.from = date("From", "scope-from");
    this.to = date("To", "scope-to");
    this.status = h(
      "select",
      { "aria-label": "Status", "data-testid": "scope-status", onchange: changed },
      h("option", { value: "" }, "Occurred and planned"),
      h("option", { value: "occurred" }, "Occurred only"),
      h("option", { value: "planned" }, "Planned only"),
    );
    this.confidence = h(
      "select",
      { "aria-label": "Minimum confidence", "data-testid": "scope-confidence", onchange: changed },
      ...CONFIDENCE.map(([value, label]) => h("option", { value }, label)),
    );
    const clear = h(
      "button",
      {
        class: "link",
        type: "button",
        "data-testid": "scope-clear",
        onclick: () => {
          this.set({});
          changed();
        },
      },
      "Clear",
    );
    this.el = h(
      "section",
      { class: "facet scope", "data-testid": "scope" },
      h("header", {}, h("h2", {}, "When and how sure"), clear),
      h("label", {}, "From ", this.from),
      h("label", {}, "To ", this.to),
      this.status,
      this.confidence,
    );
  }

  /** What the controls say, as filter fields (absent when not set). */
  value(): Scope {
    const scope: Scope = {};
    if (this.from.value) scope.from = this.from.value;
    if (this.to.value) scope.to = this.to.value;
    if (this.status.value === "occurred" || this.status.value === "planned") scope.status = this.status.value;
    if (this.confidence.value) scope.minConfidence = Number(this.confidence.value);
    return scope;
  }

  /** Shows a scope (a restored or cleared filter). */
  set(scope: Scope): void {
    this.from.value = scope.from ?? "";
    this.to.value = scope.to ?? "";
    this.status.value = scope.status ?? "";
    this.confidence.value = scope.minConfidence === undefined ? "" : String(scope.minConfidence);
  }
}
