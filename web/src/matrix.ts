// The "all actions" view, from the engine's `matrix`: first the operations (can it pull? can it push?)
// with the action that stops each, then every action for the chosen caller, the registry-level ones
// (decided on `*`, which only identity-side policies grant) marked. A click on an operation or an action
// makes it the request's; a click on an operation's failing action shows that operation's explanation,
// which starts with that action.

import { findAction } from "./action-picker";
import { decisionChip as chip, DECISION_SHORT as SHORT } from "./decision-chip";
import { el } from "./dom";
import { EVERYDAY_OPERATIONS, OPERATIONS } from "./operations";
import type { Catalog, Decision, Matrix, MatrixRow, Operation, OperationRow } from "./types";
import { breakableName } from "./word-breaks";

/** What the view does when a row is chosen. */
export interface MatrixActions {
  /** Makes an action or an operation (its name, `pull`) the request's. */
  pick(actionOrOperation: string): void;
  /** Makes an operation the request's and shows its explanation. */
  explain(operation: Operation): void;
}

/** What the view needs besides the engine's matrix. */
export interface MatrixContext {
  catalog: Catalog | null;
  /** The request's action field: an action or an operation's name; its row is marked. */
  current: string;
  /** Whether the scenario has a registry policy, which makes every operation worth a row. */
  registryPolicy: boolean;
}

/** The operations worth a row: pull and push, the others with a registry policy or when the request names them. */
export function shownOperations(rows: readonly OperationRow[], registryPolicy: boolean, current: string): OperationRow[] {
  return rows.filter((row) => registryPolicy || EVERYDAY_OPERATIONS.includes(row.operation) || row.operation === current.trim());
}

/** A table of `rows` under a caption and column headings, each with its column's class. */
function table(className: string, caption: string, columns: [string, string | null][], rows: HTMLElement[]): HTMLElement {
  return el("table", { class: className }, [
    el("caption", { text: caption }),
    el(
      "colgroup",
      {},
      columns.map(([, column]) => el("col", { class: column })),
    ),
    el("thead", {}, [
      el(
        "tr",
        {},
        columns.map(([heading]) => el("th", { scope: "col", text: heading })),
      ),
    ]),
    el("tbody", {}, rows),
  ]);
}

/** Renders the operations and the actions into `host`. */
export function renderMatrix(host: HTMLElement, matrix: Matrix, context: MatrixContext, actions: MatrixActions): void {
  host.replaceChildren(
    operationsTable(shownOperations(matrix.operations, context.registryPolicy, context.current), context.current, actions),
    actionsTable(matrix.rows, context, actions),
  );
}

function isCurrent(name: string, current: string): boolean {
  return name.toLowerCase() === current.trim().toLowerCase();
}

function rowMark(name: string, current: string) {
  const selected = isCurrent(name, current);
  return { class: selected ? "is-selected" : null, "aria-current": selected ? "true" : null };
}

function operationsTable(rows: OperationRow[], current: string, actions: MatrixActions): HTMLElement {
  return table(
    "matrix matrix-operations",
    "Operations: every action a client makes, each on its resource",
    [
      ["Operation", "matrix-operation"],
      ["Decision", "matrix-decision"],
      ["Stopped by", null],
    ],
    rows.map((row) =>
      el("tr", { "data-operation": row.operation, "data-decision": row.decision, ...rowMark(row.operation, current) }, [
        el("th", { scope: "row" }, [
          el("button", { type: "button", class: "link", onclick: () => actions.pick(row.operation), title: `${OPERATIONS[row.operation]}\n${row.summary}` }, [
            row.operation,
          ]),
        ]),
        el("td", {}, [chip(row.decision)]),
        el("td", {}, [
          row.failingAction
            ? el(
                "button",
                {
                  type: "button",
                  class: "link failing-action",
                  onclick: () => actions.explain(row.operation),
                  title: row.summary,
                  "aria-label": `${row.failingAction}: explain why ${row.operation} is denied`,
                },
                [row.failingAction],
              )
            : el("span", { class: "field-hint", text: "every action allowed" }),
        ]),
      ]),
    ),
  );
}

function actionsTable(rows: MatrixRow[], context: MatrixContext, actions: MatrixActions): HTMLElement {
  const counts: Partial<Record<Decision, number>> = {};
  for (const row of rows) counts[row.decision] = (counts[row.decision] ?? 0) + 1;
  const summary = (["allowed", "explicitDeny", "implicitDeny", "invalid"] as Decision[])
    .filter((decision) => counts[decision])
    .map((decision) => `${counts[decision]} ${SHORT[decision]}`)
    .join(" · ");
  return table(
    "matrix",
    `Every action for this caller: ${summary}`,
    [
      ["Action", "matrix-action"],
      ["Access level", "matrix-level"],
      ["Decision", null],
    ],
    rows.map((row) =>
      el(
        "tr",
        {
          "data-action": row.action,
          "data-decision": row.decision,
          "data-registry-level": row.registryLevel ? "true" : null,
          ...rowMark(row.action, context.current),
        },
        [
          el("th", { scope: "row" }, [
            el(
              "button",
              {
                type: "button",
                class: "link",
                onclick: () => actions.pick(row.action),
                title: `${findAction(context.catalog, row.action)?.description ?? ""}\n${row.summary}`.trim(),
              },
              breakableName(row.action),
            ),
            row.registryLevel
              ? el("span", {
                  class: "badge registry-level",
                  title: "Decided on the resource *: only identity-side policies can grant it",
                  text: "registry-level",
                })
              : null,
          ]),
          el("td", { text: row.accessLevel }),
          el("td", {}, [chip(row.decision)]),
        ],
      ),
    ),
  );
}
