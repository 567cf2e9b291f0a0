// The context-keys table: the keys the caller supplies, each with a type (string, number, boolean, or a
// list for a multivalued key, one value a line), and below them the keys the engine derived for this
// request, greyed, with their values and a button to override each.

import { el, renderOnce, setText } from "./dom";
import { resetStop, rovingFocus } from "./roving-focus";
import type { ContextRow, ContextType, Store } from "./state";
import { addContextRow, editContextRow, removeContextRow, setContextType } from "./state-edits";
import type { Catalog, ContextEntry } from "./types";

const TYPES: { value: ContextType; label: string }[] = [
  { value: "string", label: "String" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Boolean" },
  { value: "list", label: "List (multivalued)" },
];

/** The Override buttons of the derived keys: one tab stop, arrow keys between them. */
const DERIVED_BUTTON = ".context-row.is-derived button";

/** The type a catalogue key is best typed as. */
function typeForKey(catalog: Catalog | null, key: string): ContextType {
  const lower = key.toLowerCase();
  const known = [...(catalog?.globalConditionKeys ?? []), ...(catalog?.services ?? []).flatMap((service) => service.conditionKeys)].find(
    (candidate) => candidate.name.toLowerCase() === lower,
  );
  if (!known) return "string";
  if (known.multiValued) return "list";
  if (known.valueType === "Bool") return "boolean";
  if (known.valueType === "Numeric") return "number";
  return "string";
}

/** The table, bound to the store. */
export class ContextTable {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly derived: HTMLElement;
  private derivedEntries: ContextEntry[] = [];

  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog | null,
  ) {
    const keys = [
      ...(catalog?.globalConditionKeys ?? []).map((key) => key.name),
      ...(catalog?.services ?? []).flatMap((service) => service.conditionKeys.map((key) => key.name)),
    ];
    const datalist = el(
      "datalist",
      { id: "context-key-names" },
      [...new Set(keys)].map((name) => el("option", { value: name })),
    );
    this.body = el("div", { class: "context-rows", role: "group", "aria-label": "Context keys you supply" });
    this.derived = el("div", { class: "context-derived", role: "group", "aria-label": "Keys the engine derived" });
    rovingFocus(this.derived, DERIVED_BUTTON);
    this.root = el("div", { class: "context-table" }, [
      datalist,
      this.body,
      el("button", { type: "button", class: "add-row", onclick: () => this.addKey("", "") }, ["Add context key"]),
      this.derived,
    ]);
    this.render();
  }

  /** Adds a row for `key` (with a value) and focuses it. */
  addKey(key: string, value: string, type?: ContextType): void {
    this.store.update("request", (current) => addContextRow(current, { key, type: type ?? typeForKey(this.catalog, key), value }));
    this.render();
    const inputs = this.body.querySelectorAll<HTMLInputElement>(key === "" ? ".context-key" : ".context-value");
    inputs[inputs.length - 1]?.focus();
  }

  /** Draws the caller's rows from the state. */
  render(): void {
    const rows = this.store.state.request.context;
    this.body.replaceChildren(
      ...(rows.length === 0
        ? [el("p", { class: "field-hint", text: "No keys supplied. Derived keys are below." })]
        : rows.map((row, index) => this.rowView(row, index))),
    );
    this.renderDerived();
  }

  /** Shows the derived keys of the latest evaluation. */
  showDerived(entries: ContextEntry[]): void {
    this.derivedEntries = entries.filter((entry) => entry.source === "derived");
    this.renderDerived();
  }

  private renderDerived(): void {
    const given = new Set(this.store.state.request.context.map((row) => row.key.trim().toLowerCase()));
    const shown = this.derivedEntries.filter((entry) => !given.has(entry.key.toLowerCase()));
    // The rows are built for the keys; their values (the current time changes every second) are set in
    // place, so an evaluation does not rebuild the table.
    renderOnce(this.derived, JSON.stringify(shown.map((entry) => entry.key)), () => [
      el("h4", { text: "Derived from the request" }),
      ...shown.map((entry) =>
        el("div", { class: "context-row is-derived", "data-key": entry.key }, [
          el("span", { class: "context-derived-key", text: entry.key }),
          el("span", { class: "context-derived-value" }),
          el("button", { type: "button", class: "small", "aria-label": `Override ${entry.key}`, onclick: () => this.overrideDerived(entry.key) }, ["Override"]),
        ]),
      ),
    ]);
    resetStop(this.derived, DERIVED_BUTTON);
    const values = this.derived.querySelectorAll<HTMLElement>(".context-derived-value");
    shown.forEach((entry, index) => {
      const value = values[index];
      if (value) setText(value, entry.multivalued ? `[${entry.values.join(", ")}]` : entry.values.join(", "));
    });
  }

  /** Adds a row for a derived key with its latest value, for the caller to change. */
  private overrideDerived(key: string): void {
    const entry = this.derivedEntries.find((candidate) => candidate.key === key);
    if (entry) this.addKey(entry.key, entry.values.join("\n"), entry.multivalued ? "list" : typeForKey(this.catalog, entry.key));
  }

  private rowView(row: ContextRow, index: number): HTMLElement {
    const id = `context-${index}`;
    const key = el("input", {
      id: `${id}-key`,
      class: "context-key",
      type: "text",
      value: row.key,
      list: "context-key-names",
      spellcheck: "false",
      "aria-label": `Key of row ${index + 1}`,
      placeholder: "aws:SourceIp",
    });
    key.addEventListener("input", () => this.store.update("request", (current) => editContextRow(current, index, { key: key.value })));
    key.addEventListener("change", () => this.renderDerived());
    const type = el(
      "select",
      { class: "context-type", "aria-label": `Type of row ${index + 1}` },
      TYPES.map((option) => el("option", { value: option.value, selected: option.value === row.type }, [option.label])),
    );
    type.addEventListener("change", () => {
      this.store.update("request", (current) => setContextType(current, index, type.value as ContextType));
      this.render();
    });
    return el("div", { class: "context-row", "data-key": row.key }, [
      key,
      type,
      this.valueField(row, index, (value) => this.store.update("request", (current) => editContextRow(current, index, { value }))),
      el(
        "button",
        {
          type: "button",
          class: "small danger",
          "aria-label": `Remove ${row.key || `row ${index + 1}`}`,
          onclick: () => {
            this.store.update("request", (current) => removeContextRow(current, index));
            this.render();
          },
        },
        ["×"],
      ),
    ]);
  }

  /** The value's field for the row's type; `setValue` receives every edit. */
  private valueField(row: ContextRow, index: number, setValue: (value: string) => void): HTMLElement {
    const label = `Value of ${row.key || `row ${index + 1}`}`;
    if (row.type === "boolean") {
      const select = el(
        "select",
        { class: "context-value", "aria-label": label },
        ["true", "false"].map((value) => el("option", { value, selected: row.value === value }, [value])),
      );
      select.addEventListener("change", () => setValue(select.value));
      return select;
    }
    if (row.type === "list") {
      const area = el("textarea", {
        class: "context-value",
        rows: Math.max(2, row.value.split("\n").length),
        "aria-label": `${label}, one a line`,
        spellcheck: "false",
      });
      area.value = row.value;
      area.addEventListener("input", () => setValue(area.value));
      return area;
    }
    const input = el("input", {
      class: "context-value",
      type: "text",
      inputmode: row.type === "number" ? "decimal" : null,
      value: row.value,
      "aria-label": label,
      spellcheck: "false",
    });
    const check = () => {
      const bad = row.type === "number" && input.value.trim() !== "" && !Number.isFinite(Number(input.value.trim()));
      input.setAttribute("aria-invalid", bad ? "true" : "false");
      input.title = bad ? "Not a number: sent as text" : "";
    };
    input.addEventListener("input", () => {
      setValue(input.value);
      check();
    });
    check();
    return input;
  }
}
