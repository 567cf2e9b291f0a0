// The "Import from template" dialog: paste or open a CloudFormation template (JSON or YAML) or a Terraform
// plan in JSON (`terraform show -json`), see the policies it holds (slot, name, where in the file, and
// the values it does not know, shown as {{...}} markers), and load one into the editor of its slot (the
// work before is kept, one click away). A file that cannot be read only shows why, with its line and
// column; it never changes the page.

import "./template-import.css";
import { openDialog } from "./dialogs";
import { el } from "./dom";
import type { Engine } from "./engine";
import { bindPastedDocument, pickOption } from "./import-dialog";
import type { AppState } from "./state";
import { loadedMessage, SLOT_LABELS, withTemplatePolicy } from "./template-state";
import type { TemplatePolicy } from "./types";

/** What the dialog needs of the page. */
export interface TemplateImportHost {
  engine: Engine;
  state: () => AppState;
  /** Replaces the work, keeping the work before restorable, and says `what` with `notes`. */
  load: (state: AppState, what: string, notes: string[]) => void;
}

/** The template pasted last, so that reopening the dialog shows it again. */
let lastText = "";

/** Opens the dialog. */
export function openTemplateImport(host: TemplateImportHost): void {
  const text = el("textarea", {
    id: "template-text",
    rows: 8,
    spellcheck: "false",
    "aria-describedby": "template-hint",
    placeholder: "Resources:\n  AppRepository:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText: ...",
  });
  text.value = lastText;
  const file = el("input", { type: "file", accept: ".json,.yaml,.yml,.template,application/json", hidden: true });
  const status = el("p", { id: "template-status", class: "field-hint", role: "status" });
  const list = el("ul", { id: "template-policies", class: "pick-list", role: "listbox", "aria-label": "Policies of the template" });
  const apply = el("button", { id: "template-import-apply", value: "load", type: "submit", disabled: true }, ["Load policy"]);
  let policies: TemplatePolicy[] = [];
  let chosen: TemplatePolicy | null = null;
  /** Counts reads, so that an answer to an older text never replaces a newer one's. */
  let reads = 0;

  const showList = () => {
    list.replaceChildren(...policies.map((policy) => policyItem(policy, policy === chosen, () => choose(policy))));
  };
  const choose = (policy: TemplatePolicy) => {
    chosen = policy;
    apply.disabled = false;
    showList();
  };
  const read = async () => {
    lastText = text.value;
    const read = ++reads;
    const result = text.value.trim() === "" ? null : await host.engine.readTemplate(text.value);
    if (read !== reads) return;
    if (result === null) {
      policies = [];
      status.textContent = "Nothing pasted yet.";
    } else if (result.ok) {
      policies = result.template.policies;
      const count = policies.length;
      status.textContent = [`Read ${FORMATS[result.template.format]}: ${count} polic${count === 1 ? "y" : "ies"}.`, ...result.template.notes].join(" ");
    } else {
      policies = [];
      status.textContent = `Not readable: ${result.message}`;
    }
    chosen = policies.find((policy) => policy.name === chosen?.name) ?? null;
    apply.disabled = chosen === null;
    showList();
  };
  bindPastedDocument(text, file, status, () => void read());

  const dialog = el("dialog", { class: "modal import-dialog template-import", "aria-labelledby": "template-import-title", "data-dialog": "template-import" }, [
    el("form", { method: "dialog" }, [
      el("h2", { id: "template-import-title", text: "Import from template" }),
      el("p", { id: "template-hint" }, [
        "Paste or open a CloudFormation template (JSON or YAML) or a Terraform plan in JSON (",
        el("code", { text: "terraform show -json plan.out" }),
        "). It is read here; nothing is sent anywhere. Values the file does not know stay in the policy as ",
        el("code", { text: "{{...}}" }),
        " markers for you to replace.",
      ]),
      el("label", { for: "template-text", text: "Template or plan" }),
      text,
      el("div", { class: "import-row" }, [el("button", { type: "button", onclick: () => file.click() }, ["Open file…"]), file]),
      status,
      list,
      el("div", { class: "dialog-buttons" }, [el("button", { value: "cancel", type: "submit", formnovalidate: true }, ["Cancel"]), apply]),
    ]),
  ]);
  openDialog(dialog, (value) => {
    if (value !== "load" || chosen === null) return;
    const { what, notes } = loadedMessage(chosen);
    host.load(withTemplatePolicy(host.state(), chosen), what, notes);
  });
  void read();
  text.focus();
}

/** The formats in words. */
const FORMATS = {
  cloudFormationJson: "a CloudFormation template (JSON)",
  cloudFormationYaml: "a CloudFormation template (YAML)",
  terraformPlan: "a Terraform plan",
} as const;

/** One policy of the list: slot, name, resource type, where it is, and its markers. */
function policyItem(policy: TemplatePolicy, selected: boolean, choose: () => void): HTMLLIElement {
  const markers = policy.markers.map((marker) =>
    el("code", { class: `template-marker template-marker-${marker.kind}`, title: `line ${marker.line}, column ${marker.column}`, text: marker.text }),
  );
  return pickOption({ "data-name": policy.name, "data-slot": policy.slot }, selected, choose, [
    el("span", { class: "template-slot", text: SLOT_LABELS[policy.slot] }),
    " ",
    el("strong", { text: policy.name }),
    " ",
    el("span", { class: "template-where", text: `${policy.resourceType}, line ${policy.line}, column ${policy.column}` }),
    ...(markers.length > 0 ? [el("div", { class: "template-markers" }, markers)] : []),
  ]);
}
