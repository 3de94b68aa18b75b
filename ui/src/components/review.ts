// The review panel: the queue of events that most need a human look (gone
// through with the keyboard: j/k or the arrows move, Enter opens, v
// verifies and moves on), the deleted events with a way back, an event
// added by hand, and re-extraction with what it left as the analyst had it.
import type { EventDetail, EventType, NewEvent, Reextracted, ReviewItem } from "../lib/api";
import { afterRemoval, messageOf, moveIn, parseActors, parseCountries, parseTags, queueKey, showValue } from "../lib/curation";
import { append, clear, h } from "../lib/dom";
import { TYPE_LABEL, TYPE_ORDER } from "../lib/timeline/layout";

export interface ReviewActions {
  queue: () => Promise<ReviewItem[]>;
  deleted: () => Promise<EventDetail[]>;
  restore: (id: number) => Promise<EventDetail>;
  verify: (id: number) => Promise<EventDetail>;
  add: (event: NewEvent) => Promise<EventDetail>;
  reextract: () => Promise<Reextracted>;
  /** Shows an event of the queue in the detail panel. */
  open: (item: ReviewItem) => void;
  /** Shows an event as the store gave it (restored, added). */
  show: (d: EventDetail) => void;
  /** Something changed: the timeline and the table are redrawn. */
  changed: () => void;
}

const FIELD_LABEL: Record<string, string> = {
  type: "type",
  date: "date",
  status: "status",
  countries: "countries",
  actors: "actors",
  location: "place",
};


export class ReviewPanel {
  readonly button: HTMLButtonElement;
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly deletedList: HTMLUListElement;
  private readonly result: HTMLDivElement;
  private readonly error: HTMLParagraphElement;
  private items: ReviewItem[] = [];
  private cursor = -1;

  constructor(private readonly actions: ReviewActions) {
    this.button = h("button", { type: "button", "data-testid": "review-button", onclick: () => void this.toggle() }, "Review");
    this.list = h("ul", {
      class: "review-queue",
      role: "listbox",
      tabindex: 0,
      "aria-label": "Events to review: j or k to move, Enter to open, v to verify",
      "data-testid": "review-queue",
    });
    this.list.addEventListener("keydown", (e) => this.key(e));
    this.deletedList = h("ul", { class: "deleted-list", "data-testid": "deleted-list" });
    this.result = h("div", { class: "reextracted", "data-testid": "reextract-result", role: "status" });
    this.error = h("p", { class: "error", role: "alert", "data-testid": "review-error" });
    this.el = h(
      "section",
      { class: "review", hidden: true, "data-testid": "review", "aria-label": "Review and corrections" },
      h(
        "div",
        { class: "review-actions" },
        h("h2", {}, "Review"),
        h("button", { type: "button", "data-testid": "reextract", onclick: () => void this.reextract() }, "Re-extract all"),
        h("button", { type: "button", "data-testid": "show-deleted", onclick: () => void this.loadDeleted() }, "Deleted events"),
        h("button", { type: "button", "data-testid": "add-event", onclick: () => this.toggleForm() }, "Add event…"),
      ),
      this.error,
      this.result,
      h("p", { class: "muted" }, "Low confidence, inferred dates, disagreeing sources, unknown actors. j/k or ↓/↑ move, Enter opens, v verifies."),
      this.list,
      this.deletedList,
    );
  }

  private async toggle(): Promise<void> {
    this.el.hidden = !this.el.hidden;
    if (!this.el.hidden) {
      await this.reload();
      this.list.focus();
    }
  }

  /** Reads the queue again if it is shown: an event was corrected in the detail panel. */
  refreshIfOpen(): void {
    if (!this.el.hidden) void this.reload();
  }

  /** Reads the queue again, keeping the cursor at `at` (inside the list). */
  async reload(at = this.cursor): Promise<void> {
    try {
      this.items = await this.actions.queue();
    } catch (e) {
      this.error.textContent = messageOf(e);
      return;
    }
    this.cursor = this.items.length ? Math.max(0, Math.min(at, this.items.length - 1)) : -1;
    this.render();
  }

  private render(): void {
    clear(this.list);
    if (this.items.length === 0) {
      this.list.append(h("li", { class: "muted" }, "Nothing to review."));
      return;
    }
    this.items.forEach((item, i) => {
      const li = h(
        "li",
        {
          role: "option",
          "aria-selected": String(i === this.cursor),
          class: i === this.cursor ? "current" : "",
          "data-testid": "review-item",
          "data-event-id": item.id,
          onclick: () => {
            this.cursor = i;
            this.render();
            this.actions.open(item);
          },
        },
        h("strong", {}, TYPE_LABEL[item.type] ?? item.type),
        ` ${item.date} · ${item.countries.join(", ") || "—"} · ${item.title}`,
        h("div", { class: "reasons muted", "data-testid": "review-reasons" }, item.reasons.join("; ")),
      );
      this.list.append(li);
    });
    this.list.querySelector("li.current")?.scrollIntoView({ block: "nearest" });
  }

  private key(e: KeyboardEvent): void {
    const action = queueKey(e.key);
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation(); // the timeline's own keys stay out of it
    const item = this.items[this.cursor];
    if (action === "next" || action === "previous") {
      this.cursor = moveIn(this.cursor, action === "next" ? 1 : -1, this.items.length);
      this.render();
    } else if (action === "open" && item) {
      this.actions.open(item);
    } else if (action === "verify" && item) {
      void this.verify(item);
    }
  }

  /** Verifies the current event; it leaves the queue and the next one is current. */
  private async verify(item: ReviewItem): Promise<void> {
    const at = this.cursor;
    try {
      const d = await this.actions.verify(item.id);
      this.actions.show(d);
      this.actions.changed();
    } catch (e) {
      this.error.textContent = messageOf(e);
      return;
    }
    await this.reload(at);
    const next = this.items.findIndex((x) => x.id === item.id);
    if (next >= 0) this.cursor = moveIn(next, 1, this.items.length);
    else this.cursor = afterRemoval(at, this.items.length);
    this.render();
  }

  private async loadDeleted(): Promise<void> {
    let events: EventDetail[];
    try {
      events = await this.actions.deleted();
    } catch (e) {
      this.error.textContent = messageOf(e);
      return;
    }
    clear(this.deletedList);
    this.deletedList.append(h("li", {}, h("strong", {}, `Deleted events (${events.length})`)));
    for (const d of events) {
      const restore = h("button", { type: "button", "data-testid": "restore" }, "Restore");
      restore.addEventListener("click", async () => {
        try {
          this.actions.show(await this.actions.restore(d.id));
          this.actions.changed();
          await this.loadDeleted();
        } catch (e) {
          this.error.textContent = messageOf(e);
        }
      });
      const what = `${TYPE_LABEL[d.type]} ${d.date} · ${d.countries.map((c) => c.code).join(", ") || "—"} · ${d.location || ""}`;
      this.deletedList.append(h("li", { "data-testid": "deleted-item", "data-event-id": d.id }, what, " ", restore));
    }
  }

  private async reextract(): Promise<void> {
    this.result.textContent = "Reading every article again…";
    this.error.textContent = "";
    let r: Reextracted;
    try {
      r = await this.actions.reextract();
    } catch (e) {
      this.result.textContent = "";
      this.error.textContent = messageOf(e);
      return;
    }
    clear(this.result);
    append(
      this.result,
      h(
        "p",
        { "data-testid": "reextract-counts" },
        `Read ${r.articles} article${r.articles === 1 ? "" : "s"} again: ${r.changed} event${r.changed === 1 ? "" : "s"} changed; sources ${r.added} new, ${r.kept} found again, ${r.removed} no longer read.`,
      ),
      r.held.length
        ? h(
            "ul",
            { "data-testid": "reextract-held" },
            ...r.held.map((x) =>
              h(
                "li",
                { "data-event-id": x.event_id },
                `Event #${x.event_id}, ${FIELD_LABEL[x.field] ?? x.field}: kept your value “${showValue(x.shown)}”; extraction now says “${showValue(x.extracted)}”`,
              ),
            ),
          )
        : h("p", { class: "muted" }, "Nothing you set was contradicted."),
    );
    this.actions.changed();
    await this.reload();
  }

  private form: HTMLFormElement | null = null;

  /** The form for an event added by hand, with or without a source. */
  private toggleForm(): void {
    if (this.form) {
      this.form.remove();
      this.form = null;
      return;
    }
    const input = (label: string, testid: string, placeholder = "") =>
      h("input", { type: "text", "aria-label": label, "data-testid": testid, placeholder });
    const type = h("select", { "aria-label": "Type", "data-testid": "new-type" }, ...TYPE_ORDER.map((t) => h("option", { value: t }, TYPE_LABEL[t])));
    const status = h("select", { "aria-label": "Status", "data-testid": "new-status" }, h("option", { value: "occurred" }, "occurred"), h("option", { value: "planned" }, "planned"));
    const date = input("Date", "new-date", "2024-07-30, 2024-07 or 2024-04-22/2024-05-10");
    const countries = input("Countries", "new-countries", "PHL, USA");
    const location = input("Place", "new-location", "Manila");
    const actors = h("textarea", { rows: 2, "aria-label": "Actors", "data-testid": "new-actors", placeholder: "Name, CTRY, role (one a line)" });
    const sourceTitle = input("Source title", "new-source-title", "Source title (optional)");
    const sourceUrl = input("Source address", "new-source-url", "https://… (optional)");
    const sentence = h("textarea", { rows: 2, "aria-label": "Source sentence", "data-testid": "new-source-text", placeholder: "The sentence that tells it (optional)" });
    const tags = input("Tags", "new-tags", "tags, with commas");
    const note = input("Note", "new-note", "A note");
    const error = h("p", { class: "error", role: "alert", "data-testid": "new-error" });
    const form = h(
      "form",
      { class: "add-event", "data-testid": "add-event-form", "aria-label": "Add an event" },
      type,
      status,
      date,
      countries,
      location,
      actors,
      sourceTitle,
      sourceUrl,
      sentence,
      tags,
      note,
      h("button", { type: "submit", class: "primary", "data-testid": "new-save" }, "Add the event"),
      error,
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      error.textContent = "";
      const cs = parseCountries(countries.value);
      const as = parseActors(actors.value);
      if (!cs.ok || !as.ok) {
        error.textContent = !cs.ok ? cs.error : !as.ok ? as.error : "";
        return;
      }
      const text = sentence.value.trim();
      const title = sourceTitle.value.trim();
      const url = sourceUrl.value.trim();
      const event: NewEvent = {
        type: type.value as EventType,
        date: date.value.trim(),
        date_inferred: false,
        status: status.value as "occurred" | "planned",
        countries: cs.value,
        actors: as.value,
        location: location.value.trim(),
        evidence: [],
        confidence: 1,
        sources:
          title || url || text
            ? [{ title: title || url || "Added by hand", file: "", url: url || null, published: null, evidence: text ? [{ start: 0, end: [...text].length, text }] : [] }]
            : [],
        tags: parseTags(tags.value),
        note: note.value,
      };
      try {
        const d = await this.actions.add(event);
        form.remove();
        this.form = null;
        this.actions.show(d);
        this.actions.changed();
      } catch (err) {
        error.textContent = messageOf(err);
      }
    });
    this.form = form;
    this.el.insertBefore(form, this.result);
    type.focus();
  }
}
