// Share links, in one place: the link that opens the whole state (`<page>#s=1.<payload>`), its embed
// variant (`<page>?embed=1#s=...`), the iframe snippet around it, and finding a share value in a
// location. The codec is the engine's (its share encoder and `decodeShare`), so the CLI reads and writes the
// same links.

import { HEIGHT_MESSAGE } from "./embed-height";
import type { Engine, ShareEncoder } from "./engine";
import type { AppState } from "./state";
import type { ScenarioDocument } from "./types";
import { stateToDocument } from "./url-state";

/** The query parameter of the embed view: `?embed=1`. */
const EMBED_PARAM = "embed";

/** The height the iframe snippet starts with; the embedded page then reports its own. */
const EMBED_HEIGHT = 560;

/** Whether the page at `href` is the embed view. */
export function isEmbedMode(href: string): boolean {
  return new URL(href).searchParams.get(EMBED_PARAM) === "1";
}

/** The playground's address: `href` without the embed parameter or a fragment. */
export function playgroundUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(EMBED_PARAM);
  url.hash = "";
  return url.toString();
}

/** The embed view's address: `href` with `?embed=1` and without a fragment. */
export function embedUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.set(EMBED_PARAM, "1");
  url.hash = "";
  return url.toString();
}

/** The fragment `hash` when it carries a share value (an `s=` parameter), otherwise null. */
export function shareFragment(hash: string): string | null {
  const parameters = hash.replace(/^#/, "").split("&");
  return parameters.some((parameter) => parameter.startsWith("s=")) ? hash : null;
}

/** The scenario document a link, a download or an embed carries: the state, its view, the engine version. */
export function shareDocument(state: AppState, engineVersion: string): ScenarioDocument {
  const { document } = stateToDocument(state, false);
  return { engineVersion, ...document };
}

/** The share value of a document, or why there is none (a document too big for a link). */
export type ShareValue = { ok: true; value: string } | { ok: false; message: string };

/** Encodes `document` with `encode`, checking that the engine reads the value back (it refuses what is over its caps). */
export function shareValue(engine: Engine, encode: ShareEncoder, document: ScenarioDocument): ShareValue {
  const encoded = encode(JSON.stringify(document));
  if (!encoded.ok) return encoded;
  const back = engine.decodeShare(encoded.value);
  if (!back.ok) {
    return { ok: false, message: `This state is too big for a link: ${back.message}. Download the scenario and share the file instead.` };
  }
  return encoded;
}

/** The link that opens a share value on the page at `page` (an address without a fragment). */
export function linkTo(page: string, value: string): string {
  return `${page}#s=${value}`;
}

/**
 * The markup that embeds a share value: the iframe (`src` is the embed link, `title` names the frame)
 * and a small script that sizes it to the height the embedded page reports, from `src`'s origin only.
 */
export function embedSnippet(src: string, title: string): string {
  const origin = JSON.stringify(new URL(src).origin);
  return [
    `<iframe src="${attribute(src)}" title="${attribute(title)}" loading="lazy" style="width:100%;height:${EMBED_HEIGHT}px;border:1px solid #d0d7de;border-radius:8px"></iframe>`,
    "<script>",
    "  // Sizes the playground's iframe to the height its page reports, so nothing is cut off.",
    '  window.addEventListener("message", (event) => {',
    `    if (event.origin !== ${origin} || event.data?.type !== "${HEIGHT_MESSAGE}") return;`,
    '    for (const frame of document.querySelectorAll("iframe")) {',
    '      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";',
    "    }",
    "  });",
    "</script>",
  ].join("\n");
}

/** `text` safe inside a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
