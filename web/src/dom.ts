// Building DOM nodes. Text always goes in through `textContent` (never markup), so anything a person
// types or a policy contains is shown as text.

/** Attributes and properties for `el`: `class`, `text`, `on*` handlers, `data-*`/`aria-*`, others. */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** Creates an element with properties and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "text") {
      node.textContent = String(value);
    } else if (name === "class") {
      node.className = String(value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** The element with `id`; throws at start-up if index.html lacks it (a build error, not user input). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) {
    throw new Error(`index.html has no #${id}`);
  }
  return node as T;
}

/** Calls `run` once `wait` ms have passed without another call. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, wait: number): (...args: A) => void {
  let timer: number | undefined;
  return (...args: A) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(...args), wait);
  };
}

/** What each host built by `renderOnce` shows, as the key it was built from. */
const shownKeys = new WeakMap<Element, string>();

/**
 * Fills `host` with `build()`'s nodes unless it already shows what they would show: `key` must say
 * everything the nodes (their text, attributes and handlers) are made from. Rebuilding the same nodes
 * would cost a layout and a paint of them for nothing. True when it built them.
 */
export function renderOnce(host: Element, key: string, build: () => (Node | string)[]): boolean {
  if (shownKeys.get(host) === key) return false;
  shownKeys.set(host, key);
  host.replaceChildren(...build());
  return true;
}

/** Sets a node's text unless it already has it (setting the same text still replaces the text node). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
