// Named views kept in the database: the filter, the range shown, the lanes
// and the collapsed ones, under a name, to come back to. Saving asks the
// name inline; a view of the same name is replaced.
import type { SavedView } from "../lib/api";
import { clear, h } from "../lib/dom";

export interface SavedViewActions {
  list: () => Promise<SavedView[]>;
  /** Keeps what is shown under `name`. */
  save: (name: string) => Promise<void>;
  open: (v: SavedView) => void;
  remove: (name: string) => Promise<void>;
  onError: (e: unknown) => void;
}

export class SavedViews {
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly form: HTMLFormElement;
  private readonly name: HTMLInputElement;
  private readonly confirm: HTMLButtonElement;
  private readonly replaces: HTMLParagraphElement;
  private readonly saveButton: HTMLButtonElement;
  private views: SavedView[] = [];

  constructor(private readonly actions: SavedViewActions) {
    this.list = h("ul", { class: "facet-list view-list", "data-testid": "saved-views-list" });
    this.name = h("input", {
      type: "text",
      maxlength: 100,
      placeholder: "Name of the view",
      "aria-label": "Name of the view",
      "data-testid": "view-name",
      oninput: () => this.check(),
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key === "Escape") this.closeForm();
      },
    });
    this.confirm = h("button", { type: "submit", class: "primary", "data-testid": "save-view-confirm", disabled: true }, "Save");
    this.replaces = h("p", { class: "muted hint", hidden: true }, "Replaces the view of that name.");
    this.form = h(
      "form",
      {
        class: "view-form",
        hidden: true,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.submit();
        },
      },
      this.name,
      h("div", { class: "view-form-buttons" }, this.confirm, h("button", { type: "button", onclick: () => this.closeForm() }, "Cancel")),
      this.replaces,
    );
    this.saveButton = h(
      "button",
      { type: "button", class: "link", "data-testid": "save-view", "aria-expanded": "false", onclick: () => this.openForm() },
      "Save view…",
    );
    this.el = h(
      "section",
      { class: "facet saved-views", "data-testid": "saved-views" },
      h("header", {}, h("h2", {}, "Saved views"), this.saveButton),
      this.form,
      this.list,
    );
    this.render();
  }

  /** Asks the backend for the views kept. */
  async reload(): Promise<void> {
    try {
      this.views = await this.actions.list();
    } catch (e) {
      this.actions.onError(e);
      return;
    }
    this.views.sort((a, b) => a.name.localeCompare(b.name));
    this.render();
  }

  private openForm(): void {
    this.form.hidden = false;
    this.saveButton.setAttribute("aria-expanded", "true");
    this.name.value = "";
    this.check();
    this.name.focus();
  }

  private closeForm(): void {
    this.form.hidden = true;
    this.saveButton.setAttribute("aria-expanded", "false");
    this.saveButton.focus();
  }

  private check(): void {
    const name = this.name.value.trim();
    this.confirm.disabled = !name;
    this.replaces.hidden = !this.views.some((v) => v.name === name);
  }

  private async submit(): Promise<void> {
    const name = this.name.value.trim();
    if (!name) return;
    this.confirm.disabled = true;
    try {
      await this.actions.save(name);
    } catch (e) {
      this.actions.onError(e);
      this.check();
      return;
    }
    this.closeForm();
    await this.reload();
  }

  private async remove(name: string): Promise<void> {
    try {
      await this.actions.remove(name);
    } catch (e) {
      this.actions.onError(e);
      return;
    }
    await this.reload();
  }

  private render(): void {
    clear(this.list);
    for (const v of this.views) {
      this.list.append(
        h(
          "li",
          { class: "view-item" },
          h(
            "button",
            {
              type: "button",
              class: "facet-item view-open",
              "data-testid": "open-view",
              "data-view": v.name,
              title: v.saved ? `Saved ${v.saved}` : undefined,
              onclick: () => this.actions.open(v),
            },
            h("span", { class: "facet-label" }, v.name),
          ),
          h(
            "button",
            {
              type: "button",
              class: "link view-delete",
              "data-testid": "delete-view",
              "data-view": v.name,
              "aria-label": `Delete the view ${v.name}`,
              title: "Delete",
              onclick: () => void this.remove(v.name),
            },
            "×",
          ),
        ),
      );
    }
    if (!this.views.length) this.list.append(h("li", { class: "empty" }, "None yet"));
  }
}
