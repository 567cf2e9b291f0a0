// The "Import from account" dialog: paste or open the output of `aws iam get-account-authorization-details`,
// pick a user or role from a searchable list, and its identity side fills the page (the work before is
// kept, one click away). Under the list, "who can": every user and role of the document, and the
// principals outside the account that the repository's side names, decided for the page's request.
// A document that cannot be read only shows why; it never changes the page.

import "./account-import.css";
import { withImportedIdentity } from "./account-state";
import { openDialog } from "./dialogs";
import { el } from "./dom";
import type { Engine } from "./engine";
import { bindPastedDocument, pickOption } from "./import-dialog";
import type { AppState } from "./state";
import type { AccountPrincipal, WhoCanRow } from "./types";
import { stateToDocument } from "./url-state";

/** What the dialog needs of the page. */
export interface AccountImportHost {
  engine: Engine;
  state: () => AppState;
  /** Replaces the work, keeping the work before restorable, and says `what` with `notes`. */
  load: (state: AppState, what: string, notes: string[]) => void;
}

/** The document pasted last, so that reopening the dialog shows it again. */
let lastText = "";

/** Opens the dialog. */
export function openAccountImport(host: AccountImportHost): void {
  const text = el("textarea", {
    id: "account-details-text",
    rows: 8,
    spellcheck: "false",
    "aria-describedby": "account-details-hint",
    placeholder: '{"UserDetailList": [...], "GroupDetailList": [...], "RoleDetailList": [...], "Policies": [...]}',
  });
  text.value = lastText;
  const file = el("input", { type: "file", accept: ".json,application/json", hidden: true });
  const status = el("p", { id: "account-status", class: "field-hint", role: "status" });
  const filter = el("input", { id: "account-filter", type: "search", placeholder: "Filter by name or ARN", disabled: true });
  const list = el("ul", { id: "account-principals", class: "pick-list", role: "listbox", "aria-label": "Users and roles" });
  const whoCan = el("section", { id: "who-can", "aria-label": "Who can" });
  const apply = el("button", { id: "account-import-apply", value: "import", type: "submit", disabled: true }, ["Import identity side"]);
  let principals: AccountPrincipal[] = [];
  let chosen: string | null = null;

  const showList = () => {
    const wanted = filter.value.trim().toLowerCase();
    const shown = principals.filter((principal) => !wanted || principal.arn.toLowerCase().includes(wanted) || principal.name.toLowerCase().includes(wanted));
    list.replaceChildren(
      ...shown.map((principal) =>
        pickOption({ "data-arn": principal.arn }, principal.arn === chosen, () => choose(principal.arn), [
          el("span", { class: "account-kind", text: principal.kind }),
          " ",
          el("strong", { text: principal.name }),
          " ",
          el("code", { text: principal.arn }),
        ]),
      ),
    );
  };
  const choose = (arn: string) => {
    chosen = arn;
    apply.disabled = false;
    showList();
  };
  // The engine reads the document asynchronously (its analyses module): a read whose answer arrives
  // after a later read started is dropped.
  let reads = 0;
  const read = async () => {
    const current = ++reads;
    lastText = text.value;
    const pasted = text.value;
    const result = pasted.trim() === "" ? null : await host.engine.readAccount(pasted);
    if (current !== reads) return;
    if (result === null) {
      principals = [];
      status.textContent = "Nothing pasted yet.";
    } else if (result.ok) {
      principals = result.principals;
      const users = principals.filter((principal) => principal.kind === "user").length;
      status.textContent =
        `Read ${users} user${users === 1 ? "" : "s"} and ${principals.length - users} role${principals.length - users === 1 ? "" : "s"}.` +
        (result.truncated ? " The document is one page of several (IsTruncated): policies on other pages will be reported missing." : "");
    } else {
      principals = [];
      status.textContent = `Not readable: ${result.message}`;
    }
    if (!principals.some((principal) => principal.arn === chosen)) {
      chosen = null;
      apply.disabled = true;
    }
    filter.disabled = principals.length === 0;
    showList();
    await showWhoCan(whoCan, host, principals.length > 0 ? pasted : null, () => current === reads);
  };
  bindPastedDocument(text, file, status, () => void read());
  filter.addEventListener("input", showList);

  const dialog = el("dialog", { class: "modal import-dialog account-import", "aria-labelledby": "account-import-title", "data-dialog": "account-import" }, [
    el("form", { method: "dialog" }, [
      el("h2", { id: "account-import-title", text: "Import from account" }),
      el("p", { id: "account-details-hint" }, [
        "Paste the output of ",
        el("code", { text: "aws iam get-account-authorization-details" }),
        " (or the API's response), or open the file. It is read here; nothing is sent anywhere.",
      ]),
      el("label", { for: "account-details-text", text: "Account authorization details" }),
      text,
      el("div", { class: "import-row" }, [el("button", { type: "button", onclick: () => file.click() }, ["Open file…"]), file]),
      status,
      el("label", { for: "account-filter", text: "User or role" }),
      filter,
      list,
      whoCan,
      el("div", { class: "dialog-buttons" }, [el("button", { value: "cancel", type: "submit", formnovalidate: true }, ["Cancel"]), apply]),
    ]),
  ]);
  openDialog(dialog, (value) => {
    if (value !== "import" || chosen === null) return;
    void importIdentity(host, text.value, chosen);
  });
  void read();
  text.focus();
}

/** Fills the page with the identity side of the user or role `arn` of the account details. */
async function importIdentity(host: AccountImportHost, details: string, arn: string): Promise<void> {
  const result = await host.engine.importIdentity(details, arn);
  if (!result.ok) {
    host.load(host.state(), "Nothing was imported", [result.message]);
    return;
  }
  const identity = result.identity;
  const who = identity.kind === "role" ? `a session of ${identity.arn}` : identity.arn;
  const notes = [...identity.missing.map((missing) => `Left out: ${missing.message}.`), ...identity.notes];
  host.load(withImportedIdentity(host.state(), identity), `Imported the identity side of ${who}`, notes);
}

/** The who-can table for the page's request, or nothing when no document is read; shown only while `current()`. */
async function showWhoCan(section: HTMLElement, host: AccountImportHost, details: string | null, current: () => boolean): Promise<void> {
  if (details === null) {
    section.replaceChildren();
    return;
  }
  const state = host.state();
  const asked = state.request.action || "the request";
  const { document } = stateToDocument(state, true);
  const answer = await host.engine.whoCan(details, document);
  if (!current()) return;
  const heading = el("h3", {}, ["Who can do ", el("code", { text: asked }), " on ", el("code", { text: state.request.resource || "?" })]);
  if (!answer.ok) {
    section.replaceChildren(heading, el("p", { class: "field-hint", text: answer.message }));
    return;
  }
  section.replaceChildren(
    heading,
    el("p", { class: "field-hint", text: "For the request of the page; each user with its own policies, each role as any session of it." }),
    el("table", { class: "who-can-table" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: "Principal" }), el("th", { text: "Decision" }), el("th", { text: "Why" })])]),
      el("tbody", {}, answer.principals.map(whoCanRow)),
    ]),
  );
}

/** One row of the who-can table. */
function whoCanRow(row: WhoCanRow): HTMLTableRowElement {
  const label = { user: "", role: " (any session of the role)", external: " (outside the account)" }[row.kind];
  const why = [row.reason];
  if (row.needs) why.push(`It still needs ${row.needs}.`);
  if (row.missing.length > 0) why.push(`Left out, not in the document: ${row.missing.join(", ")}.`);
  return el("tr", { "data-arn": row.arn, "data-decision": row.decision }, [
    el("td", {}, [el("code", { text: row.arn }), label]),
    el("td", { class: `decision-${row.decision}`, text: row.decision }),
    el("td", { text: why.join(" ") }),
  ]);
}
