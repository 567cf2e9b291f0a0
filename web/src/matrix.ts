// The "all actions" view: the decision for every repository action for the chosen caller, from the
// engine's `matrix`. A click on a row makes that action the request's action.

import { findAction } from "./action-picker";
import { el } from "./dom";
import type { Catalog, Decision, MatrixRow } from "./types";
import { breakableName } from "./word-breaks";

const SHORT: Record<Decision, string> = {
  allowed: "allowed",
  explicitDeny: "explicit deny",
  implicitDeny: "implicit deny",
  invalid: "invalid",
};

/** Renders the rows into `host`; the row of `current` is marked. */
export function renderMatrix(host: HTMLElement, rows: MatrixRow[], catalog: Catalog | null, current: string, pick: (action: string) => void): void {
  const counts: Partial<Record<Decision, number>> = {};
  for (const row of rows) counts[row.decision] = (counts[row.decision] ?? 0) + 1;
  const summary = (["allowed", "explicitDeny", "implicitDeny", "invalid"] as Decision[])
    .filter((decision) => counts[decision])
    .map((decision) => `${counts[decision]} ${SHORT[decision]}`)
    .join(" · ");
  const table = el("table", { class: "matrix" }, [
    el("caption", { text: `Every repository action for this caller: ${summary}` }),
    el("colgroup", {}, [el("col", { class: "matrix-action" }), el("col", { class: "matrix-level" }), el("col", {})]),
    el("thead", {}, [
      el("tr", {}, [
        el("th", { scope: "col", text: "Action" }),
        el("th", { scope: "col", text: "Access level" }),
        el("th", { scope: "col", text: "Decision" }),
      ]),
    ]),
    el(
      "tbody",
      {},
      rows.map((row) => {
        const selected = row.action.toLowerCase() === current.trim().toLowerCase();
        return el(
          "tr",
          { "data-action": row.action, "data-decision": row.decision, class: selected ? "is-selected" : null, "aria-current": selected ? "true" : null },
          [
            el("th", { scope: "row" }, [
              el(
                "button",
                {
                  type: "button",
                  class: "link",
                  onclick: () => pick(row.action),
                  title: `${findAction(catalog, row.action)?.description ?? ""}\n${row.summary}`.trim(),
                },
                breakableName(row.action),
              ),
            ]),
            el("td", { text: row.accessLevel }),
            el("td", {}, [el("span", { class: `decision-chip decision-${row.decision}`, text: SHORT[row.decision] })]),
          ],
        );
      }),
    ),
  ]);
  host.replaceChildren(table);
}
