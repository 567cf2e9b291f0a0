// The examples gallery: a dialog of real cases, each a scenario file with a name, a description and the
// decision AWS gives (or, for a suite, how many requests it holds). Picking one loads it in place of the current work (which stays restorable).

import { decisionChip } from "./decision-chip";
import { el } from "./dom";
import type { Example } from "./examples";

/** Opens the gallery; `pick` receives the chosen example. */
export function openGallery(examples: Example[], pick: (example: Example) => void): void {
  const before = document.activeElement as HTMLElement | null;
  const cards = examples.map((example) =>
    el("li", { class: "example-card", "data-example": example.id }, [
      el("h3", { text: example.document.name ?? example.id }),
      el("p", { text: example.document.description ?? "" }),
      el("div", { class: "example-footer" }, [
        example.document.expect ? decisionChip(example.document.expect) : null,
        example.document.requests?.length ? el("span", { class: "badge", text: `${example.document.requests.length} requests` }) : null,
        el(
          "button",
          {
            type: "button",
            "aria-label": `Open example: ${example.document.name ?? example.id}`,
            onclick: () => {
              dialog.close();
              pick(example);
            },
          },
          ["Open"],
        ),
      ]),
    ]),
  );
  const dialog = el("dialog", { class: "modal gallery", "aria-labelledby": "gallery-title", "data-dialog": "gallery" }, [
    el("div", { class: "dialog-header" }, [
      el("h2", { id: "gallery-title", text: "Examples" }),
      el("button", { type: "button", class: "small", "aria-label": "Close examples", onclick: () => dialog.close() }, ["Close"]),
    ]),
    el("ul", { class: "example-grid" }, cards),
  ]);
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (before?.isConnected) before.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}
