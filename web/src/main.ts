// The page's entry: the playground, or with `?embed=1` the compact read-only view for iframes. Each mode
// is its own chunk, so the embed view loads neither the editors nor the playground's panels.

import { loadEngine } from "./engine";
import { isEmbedMode } from "./share-link";
import "./styles.css";
// The playground's first chunk (./app) brings these: in the entry's stylesheet they are part of the first
// paint, and importing that chunk does not wait for a stylesheet of its own before it can show a decision.
import "./header-menu.css";
import "./legend.css";

const engine = loadEngine();
// Each mode shows a failure to load the engine itself; this keeps it from also counting as unhandled.
engine.catch(() => undefined);

/** Says on the page that it could not start (a chunk failed to load), instead of leaving it blank. */
function failed(error: unknown): void {
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.textContent = `The page could not start: ${String(error)}`;
  document.body.prepend(message);
}

if (isEmbedMode(window.location.href)) {
  document.body.replaceChildren();
  import("./embed").then(({ startEmbed }) => startEmbed(engine), failed);
} else {
  import("./app").then(({ startPlayground }) => startPlayground(engine), failed);
}
