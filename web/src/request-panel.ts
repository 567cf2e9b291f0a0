// The request panel: who (principal presets or a free ARN), what (the action), on which repository, and
// with which context. Edits go to the store; `refresh` puts a newly loaded state into the fields.

import { actionPicker } from "./action-picker";
import { ContextTable } from "./context-table";
import { el, renderOnce, setText } from "./dom";
import { PRESETS, presetOf, repositoryAccount } from "./principals";
import type { Store } from "./state";
import type { Catalog, Evaluation } from "./types";

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
  const request = () => store.state.request;
  const setRequest = (change: (draft: typeof store.state.request) => void) => store.update("request", (draft) => change(draft.request));

  const preset = el("select", { id: "principal-preset", class: "preset" }, [
    ...PRESETS.map((option) => el("option", { value: option.id }, [option.label])),
    el("option", { value: "custom" }, ["Custom ARN"]),
  ]);
  const principal = el("input", {
    id: "principal-input",
    type: "text",
    spellcheck: "false",
    autocomplete: "off",
    value: request().principal,
    "aria-describedby": "principal-info",
  });
  const principalInfo = el("p", { id: "principal-info", class: "field-hint", "aria-live": "polite" });
  const resource = el("input", {
    id: "resource-input",
    type: "text",
    spellcheck: "false",
    autocomplete: "off",
    value: request().resource,
    "aria-describedby": "resource-info",
  });
  const resourceInfo = el("p", { id: "resource-info", class: "field-hint" });
  const action = actionPicker(catalog, request().action, (value) =>
    setRequest((draft) => {
      draft.action = value;
    }),
  );
  const context = new ContextTable(store, catalog);
  const errors = el("div", { class: "request-errors", role: "alert" });

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
    setRequest((draft) => {
      draft.principal = principal.value;
    });
  });
  principal.addEventListener("input", () => {
    setRequest((draft) => {
      draft.principal = principal.value;
    });
    syncPreset();
  });
  resource.addEventListener("input", () => {
    setRequest((draft) => {
      draft.resource = resource.value;
    });
    syncPreset();
  });

  host.replaceChildren(
    el("h2", { id: "request-heading", text: "Request" }),
    el("div", { class: "field" }, [el("label", { for: "principal-preset", text: "Caller type" }), preset]),
    el("div", { class: "field" }, [
      el("label", { for: "principal-input", text: "Principal (ARN, account id, service or anonymous)" }),
      principal,
      principalInfo,
    ]),
    el("div", { class: "field" }, [el("label", { for: "action-input", text: "Action" }), action.root]),
    el("div", { class: "field" }, [el("label", { for: "resource-input", text: "Repository ARN" }), resource, resourceInfo]),
    el("div", { class: "field" }, [el("h3", { class: "field-label", text: "Context keys" }), context.root]),
    errors,
  );
  syncPreset();

  return {
    refresh() {
      principal.value = request().principal;
      resource.value = request().resource;
      action.setValue(request().action);
      syncPreset();
      context.render();
    },
    showEvaluation(evaluation) {
      context.showDerived(evaluation?.context ?? []);
      const messages = evaluation?.requestErrors ?? [];
      renderOnce(errors, JSON.stringify(messages), () => messages.map((message) => el("p", { text: message })));
      const facts = evaluation?.request;
      setText(
        principalInfo,
        facts
          ? [
              facts.principalType ? `type ${facts.principalType}` : null,
              facts.principalAccount ? `account ${facts.principalAccount}` : null,
              facts.crossAccount ? "cross-account" : facts.principalAccount ? "same account" : null,
            ]
              .filter((part) => part !== null)
              .join(" · ")
          : "",
      );
      setText(
        resourceInfo,
        facts?.registryLevel
          ? "Registry-level action: the repository policy does not apply; use * as the resource."
          : facts?.resourceAccount
            ? `repository account ${facts.resourceAccount}`
            : "",
      );
    },
    addContextKey(key) {
      context.addKey(key, "");
    },
    focusPrincipal() {
      principal.focus();
    },
    focusAction() {
      action.input.focus();
    },
  };
}
