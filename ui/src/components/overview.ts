// The overview strip: how many of the filtered events fall in each stretch
// of their whole span, and a brush over the range the timeline shows.
// Dragging the brush or an edge of it, or drawing a new one, sets that
// range; the brush follows the timeline as it pans and zooms.
import { scaleUtc } from "d3-scale";
import type { Bin } from "../lib/api";
import { h } from "../lib/dom";
import { DAY, dayStart, isoDay, padded } from "../lib/timeline/layout";
import {
  type Axis,
  type BrushMode,
  axis,
  brushEdges,
  brushMode,
  centreOn,
  dragBrush,
  histogram,
} from "../lib/timeline/overview";

/** Pixels of the strip; the CSS gives the same, so nothing moves as it loads. */
const HEIGHT = 48;
/** The histogram's height; the rest is for the axis' labels. */
const BARS = 32;

export class Overview {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** The span of the filtered events, padded as "fit all" pads it. */
  private domain: [number, number] | null = null;
  private bins: { bins: Bin[]; days: number } | null = null;
  private view: [number, number] = [0, 1];
  private drag: { mode: BrushMode; x: number; t: number; view: [number, number]; moved: boolean } | null = null;
  private frame = 0;

  /** `left`: where the plot starts, to line up with the timeline's. */
  constructor(
    private readonly left: number,
    private readonly onRange: (d: [number, number]) => void,
  ) {
    this.canvas = h("canvas", {
      class: "overview-canvas",
      tabindex: 0,
      role: "slider",
      "aria-valuemin": 0,
      "aria-valuemax": 100,
      "aria-label": "Overview of every event filtered; the brush is the range shown. Arrow keys move it, drag to set it",
    });
    this.el = h("div", { class: "overview", "data-testid": "overview" }, this.canvas);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    this.ctx = ctx;
    new ResizeObserver(() => this.redraw()).observe(this.el);
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => this.redraw());
    this.canvas.addEventListener("pointerdown", (e) => this.onDown(e));
    this.canvas.addEventListener("pointermove", (e) => this.onMove(e));
    this.canvas.addEventListener("pointerup", () => this.onUp());
    this.canvas.addEventListener("pointercancel", () => (this.drag = null));
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
  }

  /** The first and last days of the filtered events (none: no events). */
  setExtent(first: string | undefined, last: string | undefined): void {
    this.domain = first && last ? padded(dayStart(first), dayStart(last) + DAY) : null;
    this.redraw();
  }

  /** Counts per bin of `days` days (null while none are known). */
  setBins(bins: Bin[] | null, days = 1): void {
    this.bins = bins ? { bins, days } : null;
    this.redraw();
  }

  /** The range the timeline shows: the brush. */
  setView(view: [number, number]): void {
    this.view = view;
    this.redraw();
  }

  private width(): number {
    return this.el.clientWidth;
  }

  private axis(): Axis | null {
    return this.domain ? axis(this.domain, [this.left, Math.max(this.left + 10, this.width() - 16)]) : null;
  }

  private redraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const width = this.width();
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * dpr) || this.canvas.height !== Math.round(HEIGHT * dpr)) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(HEIGHT * dpr);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${HEIGHT}px`;
    }
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    const css = getComputedStyle(this.el);
    const color = (name: string) => css.getPropertyValue(name).trim() || "#888";
    const fg = color("--fg");
    const muted = color("--muted");
    const accent = color("--accent");
    ctx.font = "11px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillStyle = fg;
    ctx.fillText("Overview", 10, 14);
    const a = this.axis();
    if (!a) {
      ctx.fillStyle = muted;
      ctx.fillText("No events", this.left, BARS / 2 + 4);
      this.canvas.dataset.brush = "";
      return;
    }
    const right = Math.max(this.left + 10, width - 16);
    if (this.bins) {
      const hist = histogram(this.bins.bins, this.bins.days, a.x, BARS - 6);
      ctx.fillStyle = muted;
      ctx.fillText(hist.total.toLocaleString(), 10, 30);
      ctx.globalAlpha = 0.8;
      for (const b of hist.bars) ctx.fillRect(b.x, BARS - b.height, Math.max(1, b.width - 0.5), b.height);
      ctx.globalAlpha = 1;
    }
    // The axis, with a label at each of a few ticks.
    ctx.strokeStyle = color("--grid");
    ctx.beginPath();
    ctx.moveTo(this.left, BARS + 0.5);
    ctx.lineTo(right, BARS + 0.5);
    ctx.stroke();
    ctx.fillStyle = muted;
    const scale = scaleUtc().domain(this.domain ?? [0, 1]).range([this.left, right]);
    const fmt = scale.tickFormat();
    for (const t of scale.ticks(Math.max(2, Math.floor((right - this.left) / 90)))) {
      const px = scale(t);
      if (px <= right - 30) ctx.fillText(fmt(t), px + 2, BARS + 8);
    }
    // The brush.
    const [x0, x1] = brushEdges(this.view, a, this.left, right);
    ctx.fillStyle = accent;
    ctx.globalAlpha = 0.12;
    ctx.fillRect(x0, 1, x1 - x0, BARS - 1);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(x0, 1, x1 - x0, BARS - 1);
    ctx.lineWidth = 1;
    this.canvas.dataset.brush = `${isoDay(this.view[0])}/${isoDay(this.view[1])}`;
    // Where the brush's middle lies along the span, for assistive technology.
    const mid = (this.view[0] + this.view[1]) / 2;
    const [d0, d1] = this.domain ?? [0, 1];
    this.canvas.setAttribute("aria-valuenow", String(Math.round(Math.max(0, Math.min(1, (mid - d0) / (d1 - d0))) * 100)));
    this.canvas.setAttribute("aria-valuetext", `${isoDay(this.view[0])} to ${isoDay(this.view[1])}`);
  }

  private onDown(e: PointerEvent): void {
    const a = this.axis();
    if (!a || e.offsetX < this.left - 6) return;
    const right = Math.max(this.left + 10, this.width() - 16);
    const mode = brushMode(e.offsetX, brushEdges(this.view, a, this.left, right), right - this.left);
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { mode, x: e.offsetX, t: a.t(e.offsetX), view: this.view, moved: false };
  }

  private onMove(e: PointerEvent): void {
    const a = this.axis();
    if (!a) return;
    const drag = this.drag;
    if (!drag) {
      const right = Math.max(this.left + 10, this.width() - 16);
      const mode = e.offsetX < this.left - 6 ? null : brushMode(e.offsetX, brushEdges(this.view, a, this.left, right), right - this.left);
      this.canvas.style.cursor = mode === "start" || mode === "end" ? "ew-resize" : mode === "move" ? "grab" : mode ? "crosshair" : "";
      return;
    }
    if (Math.abs(e.offsetX - drag.x) > 2) drag.moved = true;
    if (!drag.moved) return;
    this.onRange(dragBrush(drag.mode, drag.view, drag.t, a.t(e.offsetX)));
  }

  private onUp(): void {
    const drag = this.drag;
    this.drag = null;
    // A click beside the brush brings the range there.
    if (drag && !drag.moved && drag.mode === "new") this.onRange(centreOn(this.view, drag.t));
  }

  private onKey(e: KeyboardEvent): void {
    const w = this.view[1] - this.view[0];
    const by = e.key === "ArrowLeft" ? -1 : e.key === "ArrowRight" ? 1 : 0;
    if (!by) return;
    e.preventDefault();
    const d = by * w * (e.shiftKey ? 0.5 : 0.1);
    this.onRange([this.view[0] + d, this.view[1] + d]);
  }
}
