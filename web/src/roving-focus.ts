// One tab stop for a list of buttons (the WAI-ARIA "roving tabindex"): Tab enters the list at its
// current item and leaves it with the next Tab; the arrow keys, Home and End move between the items.

/** Makes the items of `container` matched by `selector` one tab stop, moved between by the arrow keys. */
export function rovingFocus(container: HTMLElement, selector: string): void {
  container.addEventListener("keydown", (event) => {
    const items = Array.from(container.querySelectorAll<HTMLElement>(selector));
    const current = items.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    const last = items.length - 1;
    const next =
      event.key === "ArrowDown" || event.key === "ArrowRight"
        ? Math.min(current + 1, last)
        : event.key === "ArrowUp" || event.key === "ArrowLeft"
          ? Math.max(current - 1, 0)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setStop(items, next);
    items[next]?.focus();
  });
  container.addEventListener("focusin", (event) => {
    const items = Array.from(container.querySelectorAll<HTMLElement>(selector));
    const index = items.indexOf(event.target as HTMLElement);
    if (index >= 0) setStop(items, index);
  });
}

/** Keeps one tab stop after the items were rebuilt: the one that had it, else the first. */
export function resetStop(container: HTMLElement, selector: string): void {
  const items = Array.from(container.querySelectorAll<HTMLElement>(selector));
  const current = items.findIndex((item) => item.getAttribute("tabindex") === "0");
  setStop(items, Math.max(current, 0));
}

/** Leaves the item at `index` the only one Tab reaches. */
function setStop(items: HTMLElement[], index: number): void {
  for (const [position, item] of items.entries()) item.setAttribute("tabindex", position === index ? "0" : "-1");
}
