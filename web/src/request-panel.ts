// The request panel: who (principal presets or a free ARN), what (the action), on which repository, and
// with which context. Edits go to the store; `refresh` puts a newly loaded state into the fields.

import { ActionPicker } from "./action-picker";
import { arnField } from "./arn-field";
import { ContextTable } from "./context-table";
import { el, renderOnce, setText } from "./dom";
import { PRESETS, presetOf, repositoryAccount } from "./principals";
import type { Store } from "./state";
import { type RequestField, setRequestField } from "./state-edits";
import type { Catalog, Evaluation, RequestFacts } from "./types";

/** The panel's parts that other modules reach. */
export interface RequestPanel {
  refresh(): void;
  showEvaluation(evaluation: Evaluation | null): void;
  addContextKey(key: string): void;
  focusPrincipal(): void;
  focusAction(): void;
}

/** Builds the panel into `host`. */
export function requestPanel(host: HTMLElement, store: Store, catalog: Catalog | null): RequestPanel {
  const set = (field: RequestField, value: string) => store.update("request", (current) => setRequestField(current, field, value));
  const caller = callerFields(store, set);
  const action = new ActionPicker(catalog, store.state.request.action, (value) => set("action", value));
  const context = new ContextTable(store, catalog);
  const errors = el("div", { class: "request-errors", role: "alert" });

  host.replaceChildren(
    el("h2", { id: "request-heading", text: "Request" }),
    field("principal-preset", "Caller type", [caller.preset]),
    field("principal-input", "Principal (ARN, account id, service or anonymous)", [caller.principal, caller.principalInfo]),
    field("action-input", "Action", [action.root]),
    field("resource-input", "Repository ARN", [caller.resource, caller.resourceInfo]),
    el("div", { class: "field" }, [el("h3", { class: "field-label", text: "Context keys" }), context.root]),
    errors,
  );

  return {
    refresh() {
      caller.refresh();
      action.setValue(store.state.request.action);
      context.render();
    },
    showEvaluation(evaluation) {
      context.showDerived(evaluation?.context ?? []);
      const messages = evaluation?.requestErrors ?? [];
      renderOnce(errors, JSON.stringify(messages), () => messages.map((message) => el("p", { text: message })));
      setText(caller.principalInfo, principalFacts(evaluation?.request));
      setText(caller.resourceInfo, resourceFacts(evaluation?.request));
    },
    addContextKey(key) {
      context.addKey(key, "");
    },
    focusPrincipal() {
      caller.principal.focus();
    },
    focusAction() {
      action.input.focus();
    },
  };
}

/** A labelled field of the panel. */
function field(id: string, label: string, controls: HTMLElement[]): HTMLElement {
  return el("div", { class: "field" }, [el("label", { for: id, text: label }), ...controls]);
}

/** The caller-type menu, the principal and the repository fields, which keep the menu in step with what is typed. */
function callerFields(store: Store, set: (field: RequestField, value: string) => void) {
  const preset = el("select", { id: "principal-preset", class: "preset" }, [
    ...PRESETS.map((option) => el("option", { value: option.id }, [option.label])),
    el("option", { value: "custom" }, ["Custom ARN"]),
  ]);
  const principal = arnField("principal-input", store.state.request.principal, "principal-info");
  const principalInfo = el("p", { id: "principal-info", class: "field-hint", "aria-live": "polite" });
  const resource = arnField("resource-input", store.state.request.resource, "resource-info");
  const resourceInfo = el("p", { id: "resource-info", class: "field-hint" });
  const syncPreset = () => {
    preset.value = presetOf(principal.value, resource.value);
  };
  preset.addEventListener("change", () => {
    const chosen = PRESETS.find((option) => option.id === preset.value);
    if (!chosen) {
      principal.focus();
      return;
    }
    principal.value = chosen.make(repositoryAccount(resource.value));
    set("principal", principal.value);
  });
  for (const [input, name] of [
    [principal, "principal"],
    [resource, "resource"],
  ] as const) {
    input.addEventListener("input", () => {
      set(name, input.value);
      syncPreset();
    });
  }
  syncPreset();
  const refresh = () => {
    principal.value = store.state.request.principal;
    resource.value = store.state.request.resource;
    syncPreset();
  };
  return { preset, principal, principalInfo, resource, resourceInfo, refresh };
}

/** What the engine found about the principal: `type AssumedRole · account 111122223333 · same account`. */
export function principalFacts(facts: RequestFacts | undefined): string {
  if (!facts) return "";
  return [
    facts.principalType ? `type ${facts.principalType}` : null,
    facts.principalAccount ? `account ${facts.principalAccount}` : null,
    facts.crossAccount ? "cross-account" : facts.principalAccount ? "same account" : null,
  ]
    .filter((part) => part !== null)
    .join(" · ");
}

/** What the engine found about the repository: its account, or that the action is registry-level. */
export function resourceFacts(facts: RequestFacts | undefined): string {
  if (facts?.registryLevel) return "Registry-level action: the repository policy does not apply; use * as the resource.";
  return facts?.resourceAccount ? `repository account ${facts.resourceAccount}` : "";
}
