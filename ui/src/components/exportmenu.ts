// The toolbar's Export menu: the filtered events as CSV or JSON, the timeline
// as a picture, the database backed up or restored. A menu button as WAI-ARIA
// describes one: arrows move between the items, Escape closes and returns to
// the button. Restoring replaces the data, so it asks first, inline.
import { h } from "../lib/dom";

export interface ExportActions {
  events: (format: "csv" | "json") => Promise<void>;
  image: (format: "png" | "svg") => Promise<void>;
  backup: () => Promise<void>;
  restore: () => Promise<void>;
}

export class ExportMenu {
  readonly el: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private readonly items: HTMLButtonElement[];
  private readonly confirmBox: HTMLElement;
  private readonly confirmText: HTMLParagraphElement;
  private readonly confirmYes: HTMLButtonElement;
  private readonly confirmNo: HTMLButtonElement;
  private answer: ((yes: boolean) => void) | null = null;

  constructor(actions: ExportActions) {
    const item = (label: string, testid: string, run: () => Promise<void>) =>
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          tabindex: -1,
          "data-testid": testid,
          onclick: () => {
            this.close(true);
            void run();
          },
        },
        label,
      );
    this.items = [
      item("Events as CSV…", "export-csv", () => actions.events("csv")),
      item("Events as JSON…", "export-json", () => actions.events("json")),
      item("Timeline as PNG…", "export-png", () => actions.image("png")),
      item("Timeline as SVG…", "export-svg", () => actions.image("svg")),
      item("Back up database…", "backup-db", actions.backup),
      item("Restore database…", "restore-db", actions.restore),
    ];
    const separator = () => h("div", { role: "separator", class: "menu-separator" });
    this.menu = h(
      "div",
      { class: "menu", role: "menu", id: "export-menu", "aria-label": "Export", hidden: true, onkeydown: (e: Event) => this.onMenuKey(e as KeyboardEvent) },
      ...this.items.slice(0, 2),
      separator(),
      ...this.items.slice(2, 4),
      separator(),
      ...this.items.slice(4),
    );
    this.button = h(
      "button",
      {
        type: "button",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        "aria-controls": "export-menu",
        "data-testid": "export",
        onclick: () => (this.menu.hidden ? this.open(0) : this.close(false)),
        onkeydown: (e: Event) => this.onButtonKey(e as KeyboardEvent),
      },
      "Export ▾",
    );
    this.confirmText = h("p", {});
    this.confirmYes = h("button", { type: "button", class: "danger", "data-testid": "confirm-yes", onclick: () => this.settle(true) }, "Replace");
    this.confirmNo = h("button", { type: "button", "data-testid": "confirm-no", onclick: () => this.settle(false) }, "Cancel");
    this.confirmBox = h(
      "div",
      {
        class: "menu confirm",
        role: "alertdialog",
        "aria-label": "Confirm the restore",
        hidden: true,
        "data-testid": "confirm",
        onkeydown: (e: Event) => {
          if ((e as KeyboardEvent).key === "Escape") this.settle(false);
        },
      },
      this.confirmText,
      h("div", { class: "view-form-buttons" }, this.confirmYes, this.confirmNo),
    );
    this.el = h("div", { class: "menu-wrap" }, this.button, this.menu, this.confirmBox);
    // A press anywhere else closes the menu (Tab and Escape are keys of
    // the menu's). Not on focus leaving: WebKit may take the focus off a
    // button as it is pressed, which would close the menu under the click.
    document.addEventListener("pointerdown", (e) => {
      if (!this.menu.hidden && e.target instanceof Node && !this.el.contains(e.target)) this.close(false);
    });
  }

  /** Shows `message` with Replace and Cancel beside the menu; true when
   * Replace is chosen. Cancel has the focus, so Enter alone replaces nothing. */
  confirm(message: string): Promise<boolean> {
    this.settle(false);
    this.confirmText.textContent = message;
    this.confirmBox.hidden = false;
    this.confirmNo.focus();
    return new Promise((resolve) => (this.answer = resolve));
  }

  private settle(yes: boolean): void {
    const answer = this.answer;
    this.answer = null;
    if (!answer) return;
    this.confirmBox.hidden = true;
    this.button.focus();
    answer(yes);
  }

  private open(index: number): void {
    this.menu.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    this.focusItem(index);
  }

  /** Closes the menu; with `refocus`, the focus goes back to the button. */
  private close(refocus: boolean): void {
    if (this.menu.hidden) return;
    this.menu.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    if (refocus) this.button.focus();
  }

  private focusItem(index: number): void {
    const n = this.items.length;
    this.items[((index % n) + n) % n].focus();
  }

  private onButtonKey(e: KeyboardEvent): void {
    if (e.key === "ArrowDown") this.open(0);
    else if (e.key === "ArrowUp") this.open(this.items.length - 1);
    else return;
    e.preventDefault();
  }

  private onMenuKey(e: KeyboardEvent): void {
    const at = this.items.indexOf(document.activeElement as HTMLButtonElement);
    switch (e.key) {
      case "ArrowDown":
        this.focusItem(at + 1);
        break;
      case "ArrowUp":
        this.focusItem(at - 1);
        break;
      case "Home":
        this.focusItem(0);
        break;
      case "End":
        this.focusItem(this.items.length - 1);
        break;
      case "Escape":
        this.close(true);
        break;
      case "Tab":
        // Out of the menu, on from the button as if it had never opened.
        this.close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
  }
}
