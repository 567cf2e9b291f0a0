// The policy tab bar and the toolbar of the selected policy: select, add (registry policy, identity
// policies, boundary, session policy, SCP and RCP levels), rename identity policies, set the registry
// policy's scope, remove, format, compare with a new version.

import { el, type Props, renderOnce } from "./dom";
import { tabLabel } from "./policy-editors";
import { type AppState, allPolicies, type PolicyDoc, type Store } from "./state";
import { addIdentityPolicy, addOrgLevel, addSinglePolicy, addToOrgLevel, removePolicy, renameIdentityPolicy, selectTab, setRegistryScope } from "./state-edits";
import type { PolicyKind, PolicyReport, RegistryPolicyScope } from "./types";

/** What the tab bar asks of the page. */
export interface TabActions {
  format(key: string): boolean;
  confirm(title: string, message: string, action: string): Promise<boolean>;
  prompt(title: string, label: string, value: string): Promise<string | null>;
  announce(message: string): void;
  /** Opens the Compare view on the policy `key`, or leaves it when it is open there. */
  compare(key: string): void;
}

/** Renders the tab bar into `tabsHost` and the selected policy's toolbar into `toolbarHost`. */
export function renderTabs(tabsHost: HTMLElement, toolbarHost: HTMLElement, store: Store, reports: Map<string, PolicyReport>, actions: TabActions): void {
  const state = store.state;
  const policies = allPolicies(state);
  const select = (key: string) => store.update("view", (current) => selectTab(current, key));
  const tabsKey = JSON.stringify([
    state.view.tab,
    state.registry !== null,
    state.boundary !== null,
    state.session !== null,
    policies.map((policy) => [policy.key, policy.kind, policy.name, tabLabel(policy, state), policy.text.trim() === "", errorCount(reports.get(policy.key))]),
  ]);
  const hadFocus = tabsHost.querySelector("[role=tablist]")?.contains(document.activeElement) ?? false;
  const rebuilt = renderOnce(tabsHost, tabsKey, () => {
    const tabs = policies.map((policy) => tabButton(policy, state, reports.get(policy.key), select));
    const list = el("div", { role: "tablist", "aria-label": "Policies", class: "tablist" }, tabs);
    list.addEventListener("keydown", (event) => moveFocus(event, tabs));
    const menu = addMenu(store);
    menu.open = tabsHost.querySelector("details")?.open ?? false;
    return [list, menu];
  });
  if (rebuilt && hadFocus) {
    tabsHost.querySelector<HTMLElement>("[role=tab][aria-selected=true]")?.focus();
  }
  const selected = policies.find((policy) => policy.key === state.view.tab);
  const toolbarKey = JSON.stringify(
    selected
      ? [
          selected.key,
          selected.kind,
          selected.name,
          tabLabel(selected, state),
          toolbarNote(selected, reports.get(selected.key)),
          selected.kind === "registry" ? state.registryScope : null,
          state.view.compare?.tab === selected.key,
        ]
      : null,
  );
  renderOnce(toolbarHost, toolbarKey, () => (selected ? toolbar(selected, store, reports.get(selected.key), actions) : []));
}

/** How many errors a policy's report has. */
function errorCount(report: PolicyReport | undefined): number {
  return report?.diagnostics.filter((finding) => finding.severity === "error").length ?? 0;
}

function tabButton(policy: PolicyDoc, state: AppState, report: PolicyReport | undefined, select: (key: string) => void): HTMLButtonElement {
  const selected = policy.key === state.view.tab;
  const errors = errorCount(report);
  const empty = policy.text.trim() === "";
  const label = tabLabel(policy, state);
  return el(
    "button",
    {
      type: "button",
      role: "tab",
      id: `tab-${policy.key}`,
      class: `tab tab-${policy.kind}${empty ? " is-empty" : ""}`,
      "aria-selected": selected ? "true" : "false",
      "aria-controls": `panel-${policy.key}`,
      tabindex: selected ? 0 : -1,
      "data-policy-key": policy.key,
      "data-kind": policy.kind,
      onclick: () => select(policy.key),
    },
    [
      el("span", { class: "tab-kind", text: KIND_SHORT[policy.kind] }),
      el("span", { class: "tab-name", text: label }),
      errors > 0
        ? el("span", { class: "tab-errors", text: String(errors), title: `${errors} error${errors > 1 ? "s" : ""}`, "aria-label": `${errors} errors` })
        : null,
    ],
  );
}

const KIND_SHORT: Record<PolicyKind, string> = {
  repository: "Repo",
  identity: "IAM",
  boundary: "PB",
  session: "Sess",
  scp: "SCP",
  rcp: "RCP",
  registry: "Reg",
};

/** Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern). */
function moveFocus(event: KeyboardEvent, tabs: HTMLButtonElement[]): void {
  const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
  if (current < 0) return;
  const next =
    event.key === "ArrowRight"
      ? (current + 1) % tabs.length
      : event.key === "ArrowLeft"
        ? (current - 1 + tabs.length) % tabs.length
        : event.key === "Home"
          ? 0
          : event.key === "End"
            ? tabs.length - 1
            : -1;
  if (next < 0) return;
  event.preventDefault();
  tabs[next]?.focus();
  tabs[next]?.click();
}

function addMenu(store: Store): HTMLDetailsElement {
  const state = store.state;
  const item = (label: string, edit: (state: AppState) => AppState, disabled = false) =>
    el(
      "button",
      {
        type: "button",
        class: "menu-item",
        disabled,
        onclick: (event) => {
          (event.currentTarget as HTMLElement).closest("details")?.removeAttribute("open");
          store.update("policies", edit);
        },
      },
      [label],
    );
  return el("details", { class: "add-menu" }, [
    el("summary", { text: "Add policy" }),
    el("div", { class: "menu", role: "group", "aria-label": "Add a policy" }, [
      item("Registry policy (the repository's registry)", (current) => addSinglePolicy(current, "registry"), state.registry !== null),
      item("Identity policy", addIdentityPolicy),
      item("Permissions boundary", (current) => addSinglePolicy(current, "boundary"), state.boundary !== null),
      item("Session policy", (current) => addSinglePolicy(current, "session"), state.session !== null),
      item("SCP level (principal's organization)", (current) => addOrgLevel(current, "scp")),
      item("RCP level (repository's organization)", (current) => addOrgLevel(current, "rcp")),
    ]),
  ]);
}

/** The buttons for the selected policy (those its kind allows) and its note. */
function toolbar(policy: PolicyDoc, store: Store, report: PolicyReport | undefined, actions: TabActions): HTMLElement[] {
  const label = tabLabel(policy, store.state);
  const buttons: HTMLElement[] = [
    toolbarButton(
      "Format",
      () => actions.announce(actions.format(policy.key) ? `${label} formatted` : `${label} is not valid JSON, so it cannot be formatted`),
      { title: "Format (Shift+Alt+F)" },
    ),
    toolbarButton("Compare", () => actions.compare(policy.key), {
      "aria-pressed": store.state.view.compare?.tab === policy.key ? "true" : "false",
      "aria-controls": "compare-panel",
      title: "Compare with a new version of this policy: which requests it allows or denies that this one does not",
    }),
  ];
  if (policy.kind === "identity") {
    buttons.push(
      toolbarButton("Rename", async () => {
        const name = await actions.prompt("Rename identity policy", "Name", policy.name);
        if (name !== null) store.update("policies", (current) => renameIdentityPolicy(current, policy.key, name));
      }),
    );
  }
  if (policy.kind === "registry") {
    buttons.push(scopeSwitch(store));
  }
  if (policy.kind === "scp" || policy.kind === "rcp") {
    buttons.push(toolbarButton("Add policy at this level", () => store.update("policies", (current) => addToOrgLevel(current, policy.key))));
  }
  if (policy.kind !== "repository") {
    buttons.push(
      toolbarButton(
        "Remove",
        async () => {
          if (await actions.confirm(`Remove ${label}?`, "Its text will be gone from the page.", "Remove")) {
            store.update("policies", (current) => removePolicy(current, policy.key));
            actions.announce(`${label} removed`);
          }
        },
        { class: "danger" },
      ),
    );
  }
  return [el("div", { class: "toolbar-buttons" }, buttons), el("span", { class: "toolbar-note", text: toolbarNote(policy, report) })];
}

/** What each registry policy scope governs, as the scope switch offers it. */
const SCOPES: readonly [RegistryPolicyScope, string][] = [
  ["V2", "V2: every ECR request (the default)"],
  ["V1", "V1: replication and pull through cache only"],
];

/** The registry policy's scope switch: V2 or V1 (iam-semantics.md section 7, REGSET). */
function scopeSwitch(store: Store): HTMLLabelElement {
  const select = el(
    "select",
    {
      id: "registry-scope",
      onchange: (event) => {
        const scope = SCOPES.find(([value]) => value === (event.currentTarget as HTMLSelectElement).value)?.[0];
        if (scope) store.update("policies", (current) => setRegistryScope(current, scope));
      },
    },
    SCOPES.map(([value, label]) => el("option", { value, text: label, selected: value === store.state.registryScope })),
  );
  return el("label", { class: "registry-scope" }, [el("span", { text: "Scope" }), select]);
}

function toolbarButton(label: string, onclick: () => void, props: Props = {}): HTMLButtonElement {
  return el("button", { type: "button", ...props, onclick }, [label]);
}

/** The note next to a policy's toolbar buttons. */
function toolbarNote(policy: PolicyDoc, report: PolicyReport | undefined): string {
  return policy.text.trim() === "" ? "empty: not evaluated" : report && !report.applies ? `does not apply: ${report.note ?? ""}` : (report?.note ?? "");
}
