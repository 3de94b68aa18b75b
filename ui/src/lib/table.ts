// Pure arithmetic of the event table: which rows the scroll position shows,
// which pages of rows to fetch and to build, where the keyboard goes. The
// table builds a few hundred rows at most whatever the number of events;
// spacers above and below stand for the others. No DOM here.

/** Rows asked for at a time. */
export const PAGE = 100;
/** Rows the table scrolls through at most: past some millions of pixels a
 * web view stops laying out. Sorting the other way reaches the end. */
export const MAX_SCROLL_ROWS = 500_000;
/** Pages kept in memory at most. */
export const KEEP_PAGES = 30;

/** The rows `[first, last)` under a viewport `viewport` pixels tall (below
 * the header) scrolled `scrollTop` pixels down, of `n` rows. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, n: number): [number, number] {
  const first = Math.min(n, Math.max(0, Math.floor(scrollTop / rowHeight)));
  const last = Math.min(n, Math.max(first, Math.ceil((scrollTop + viewport) / rowHeight)));
  return [first, last];
}

/** The pages `[first, last]` holding the rows shown and `margin` rows each
 * side: the rows to build (whole pages, so that scrolling within them
 * changes nothing) and to fetch. Empty (last < first) when `n` is 0. */
export function pagesFor(shown: [number, number], n: number, margin = PAGE / 2, page = PAGE): [number, number] {
  if (n <= 0) return [0, -1];
  const a = Math.max(0, shown[0] - margin);
  const b = Math.min(n - 1, Math.max(shown[1] - 1, shown[0]) + margin);
  return [Math.floor(a / page), Math.floor(b / page)];
}

/** The scroll position that shows row `i` whole, moving as little as it can. */
export function scrollToShow(i: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = i * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return Math.max(0, top + rowHeight - viewport);
  return scrollTop;
}

/** The row a key moves the focus to from row `i` of `n`, `step` rows a
 * page; `undefined` for a key that does not move it. */
export function moveTo(key: string, i: number, n: number, step: number): number | undefined {
  if (n <= 0) return undefined;
  const clamp = (j: number) => Math.max(0, Math.min(n - 1, j));
  switch (key) {
    case "ArrowDown":
      return clamp(i + 1);
    case "ArrowUp":
      return clamp(i - 1);
    case "PageDown":
      return clamp(i + Math.max(1, step));
    case "PageUp":
      return clamp(i - Math.max(1, step));
    case "Home":
      return 0;
    case "End":
      return n - 1;
    default:
      return undefined;
  }
}

/** The pages to drop so that at most `keep` stay, the farthest from page
 * `near` first. */
export function pagesToDrop(pages: Iterable<number>, near: number, keep = KEEP_PAGES): number[] {
  const all = [...pages].sort((a, b) => Math.abs(b - near) - Math.abs(a - near) || b - a);
  return all.slice(0, Math.max(0, all.length - keep));
}
