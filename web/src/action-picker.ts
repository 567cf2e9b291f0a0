// The action field: free text, with a searchable list of the operations (pull, push...) first, then
// every ECR and ECR Public action of the catalogue (name, access level, description). Picking an
// operation puts its name in the field, which the request then sends as its `operation`. The WAI-ARIA
// combobox pattern: arrows move through the list, Enter picks, Escape closes.

import { el } from "./dom";
import { OPERATIONS, operationNamed } from "./operations";
import type { Catalog, CatalogAction } from "./types";

/** An action of the catalogue with its full name, `ecr:BatchGetImage`. */
export type NamedAction = CatalogAction & { fullName: string };

/** Every action of the catalogue with its full name. */
export function catalogActions(catalog: Catalog | null): NamedAction[] {
  return (catalog?.services ?? []).flatMap((service) => service.actions.map((action) => ({ ...action, fullName: `${action.service}:${action.name}` })));
}

/** One choice of the list: an operation or an action, with its badge (`Operation`, or the access level). */
export interface PickerEntry {
  fullName: string;
  badge: string;
  description: string;
}

/** What the list offers: the operations, in the engine's order, then every action of the catalogue. */
export function pickerEntries(catalog: Catalog | null): PickerEntry[] {
  return [
    ...Object.entries(OPERATIONS).map(([name, description]) => ({ fullName: name, badge: "Operation", description })),
    ...catalogActions(catalog).map((action) => ({ fullName: action.fullName, badge: action.accessLevel, description: action.description })),
  ];
}

/** The catalogue entry for an action name (case-insensitive, as IAM compares them). */
export function findAction(catalog: Catalog | null, name: string): NamedAction | undefined {
  const wanted = name.trim().toLowerCase();
  return catalogActions(catalog).find((action) => action.fullName.toLowerCase() === wanted);
}

/** The combobox. `onPick` receives the text whenever it changes or an action is picked. */
export class ActionPicker {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly entries: PickerEntry[];
  private readonly listbox: HTMLUListElement;
  private readonly info: HTMLElement;
  /** The actions the list shows, and the index of the highlighted one (-1: none). */
  private shown: PickerEntry[] = [];
  private active = -1;

  constructor(
    private readonly catalog: Catalog | null,
    initial: string,
    private readonly onPick: (action: string) => void,
  ) {
    this.entries = pickerEntries(catalog);
    this.input = comboboxInput(initial);
    this.listbox = el("ul", {
      id: "action-listbox",
      role: "listbox",
      "aria-label": "Operations, ECR and ECR Public actions",
      class: "listbox",
      hidden: true,
      tabindex: -1,
    });
    this.info = el("p", { class: "field-hint", id: "action-info", "aria-live": "polite" });
    this.input.addEventListener("input", () => {
      this.open();
      this.describe();
      this.onPick(this.input.value);
    });
    this.input.addEventListener("focus", () => this.open());
    this.input.addEventListener("blur", () => this.close());
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.describe();
    this.root = el("div", { class: "combobox" }, [this.input, this.listbox, this.info]);
  }

  /** Puts a value into the field (a newly loaded state), without reporting it. */
  setValue(value: string): void {
    this.input.value = value;
    this.describe();
  }

  private describe(): void {
    this.info.textContent = actionInfo(this.catalog, this.input.value);
  }

  /** Shows the actions that match the field's text. */
  private open(): void {
    this.shown = matchingActions(this.entries, this.input.value);
    this.listbox.replaceChildren(...this.shown.map((action, index) => optionView(action, index, (name) => this.pick(name))));
    this.listbox.hidden = this.shown.length === 0;
    this.input.setAttribute("aria-expanded", this.shown.length > 0 ? "true" : "false");
    this.active = -1;
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  private pick(name: string): void {
    this.input.value = name;
    this.close();
    this.describe();
    this.onPick(name);
  }

  /** Highlights the option at `index` and scrolls it into view. */
  private setActive(index: number): void {
    this.active = index;
    for (const [position, option] of Array.from(this.listbox.children).entries()) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    }
    const option = this.listbox.children[index];
    if (option) {
      this.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  }

  /** Arrows move through the list (opening it), Enter picks the highlighted action, Escape closes. */
  private key(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (this.listbox.hidden) this.open();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = this.shown.length;
      if (count > 0) this.setActive((this.active + step + count) % count);
    } else if (event.key === "Enter" && this.active >= 0) {
      event.preventDefault();
      const action = this.shown[this.active];
      if (action) this.pick(action.fullName);
    } else if (event.key === "Escape" && !this.listbox.hidden) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }
}

/** The text field of the combobox. */
function comboboxInput(initial: string): HTMLInputElement {
  return el("input", {
    id: "action-input",
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "action-listbox",
    "aria-describedby": "action-info",
    autocomplete: "off",
    spellcheck: "false",
    value: initial,
  });
}

/** The entries the list offers for `text`: every one when it names one exactly, else those whose name, badge and description hold each of its words. */
export function matchingActions(entries: PickerEntry[], text: string): PickerEntry[] {
  const query = text.trim().toLowerCase();
  if (entries.some((entry) => entry.fullName.toLowerCase() === query)) return entries;
  const words = query.split(/\s+/).filter((word) => word !== "");
  return entries.filter((action) => {
    const haystack = `${action.fullName} ${action.badge} ${action.description}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The hint under the field: what the typed operation or action is, or why there is nothing to say. */
export function actionInfo(catalog: Catalog | null, text: string): string {
  const operation = operationNamed(text);
  if (operation) return `Operation · ${OPERATIONS[operation]} · allowed only when every action it needs is`;
  const action = findAction(catalog, text);
  if (action) {
    const registryLevel = !action.resourceTypes.some((type) => type.name === "repository");
    return `${action.accessLevel} · ${action.description}${registryLevel ? " · registry-level: the resource is *" : ""}`;
  }
  if (text.trim() === "") return "Pick an action or type one.";
  return catalog ? "Neither an operation nor an action of the ECR or ECR Public catalogue." : "";
}

/** One option of the list; pressing it picks the entry (before the field loses focus). */
function optionView(action: PickerEntry, index: number, pick: (name: string) => void): HTMLLIElement {
  return el(
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
      el("span", { class: "badge", text: action.badge }),
      el("span", { class: "option-description", text: action.description }),
    ],
  );
}
