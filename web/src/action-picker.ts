// The action field: free text, with a searchable list of every ECR and ECR Public action of the
// catalogue (name, access level, description). The WAI-ARIA combobox pattern: arrows move through the
// list, Enter picks, Escape closes.

import { el } from "./dom";
import type { Catalog, CatalogAction } from "./types";

/** Every action of the catalogue with its full name. */
export function catalogActions(catalog: Catalog | null): (CatalogAction & { fullName: string })[] {
  return (catalog?.services ?? []).flatMap((service) => service.actions.map((action) => ({ ...action, fullName: `${action.service}:${action.name}` })));
}

/** The catalogue entry for an action name (case-insensitive, as IAM compares them). */
export function findAction(catalog: Catalog | null, name: string): (CatalogAction & { fullName: string }) | undefined {
  const wanted = name.trim().toLowerCase();
  return catalogActions(catalog).find((action) => action.fullName.toLowerCase() === wanted);
}

/** Builds the combobox. `onPick` receives the text whenever it changes or an action is picked. */
export function actionPicker(
  catalog: Catalog | null,
  initial: string,
  onPick: (action: string) => void,
): { root: HTMLElement; input: HTMLInputElement; setValue(value: string): void } {
  const actions = catalogActions(catalog);
  const input = el("input", {
    id: "action-input",
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "action-listbox",
    autocomplete: "off",
    spellcheck: "false",
    value: initial,
  });
  const listbox = el("ul", { id: "action-listbox", role: "listbox", "aria-label": "ECR and ECR Public actions", class: "listbox", hidden: true });
  const info = el("p", { class: "field-hint", id: "action-info", "aria-live": "polite" });
  input.setAttribute("aria-describedby", "action-info");
  let shown: typeof actions = [];
  let active = -1;

  const describe = () => {
    const action = findAction(catalog, input.value);
    info.textContent = action
      ? `${action.accessLevel} · ${action.description}${action.resourceTypes.some((type) => type.name === "repository") ? "" : " · registry-level: the resource is *"}`
      : input.value.trim() === ""
        ? "Pick an action or type one."
        : catalog
          ? "Not in the ECR or ECR Public catalogue."
          : "";
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const setActive = (index: number) => {
    active = index;
    for (const [position, option] of Array.from(listbox.children).entries()) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    }
    const option = listbox.children[index];
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  };
  const pick = (name: string) => {
    input.value = name;
    close();
    describe();
    onPick(name);
  };
  const open = () => {
    const query = input.value.trim().toLowerCase();
    const exact = actions.some((action) => action.fullName.toLowerCase() === query);
    const words = query.split(/\s+/).filter((word) => word !== "");
    shown = actions.filter((action) => {
      const haystack = `${action.fullName} ${action.accessLevel} ${action.description}`.toLowerCase();
      return exact || words.every((word) => haystack.includes(word));
    });
    listbox.replaceChildren(
      ...shown.map((action, index) =>
        el(
          "li",
          {
            role: "option",
            id: `action-option-${index}`,
            class: "option",
            "aria-selected": "false",
            "data-action": action.fullName,
            onmousedown: (event) => {
              event.preventDefault();
              pick(action.fullName);
            },
          },
          [
            el("span", { class: "option-name", text: action.fullName }),
            el("span", { class: "badge", text: action.accessLevel }),
            el("span", { class: "option-description", text: action.description }),
          ],
        ),
      ),
    );
    listbox.hidden = shown.length === 0;
    input.setAttribute("aria-expanded", shown.length > 0 ? "true" : "false");
    active = -1;
  };

  input.addEventListener("input", () => {
    open();
    describe();
    onPick(input.value);
  });
  input.addEventListener("focus", open);
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (listbox.hidden) open();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (shown.length > 0) setActive((active + step + shown.length) % shown.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      const action = shown[active];
      if (action) pick(action.fullName);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  describe();
  const root = el("div", { class: "combobox" }, [input, listbox, info]);
  return {
    root,
    input,
    setValue(value: string) {
      input.value = value;
      describe();
    },
  };
}
