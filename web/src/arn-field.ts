// A field for an ARN that shows all of it: a one-line text area that wraps and grows with its text
// (`field-sizing: content`), because real ARNs are longer than a request panel is wide. Enter and pasted
// line breaks are kept out, so the value stays one line as in a text input.

import { el } from "./dom";
import "./arn-field.css";

/** The field, with `value`, described by the element `describedBy`. */
export function arnField(id: string, value: string, describedBy: string): HTMLTextAreaElement {
  const field = el("textarea", { id, class: "arn-field", rows: 1, spellcheck: "false", autocomplete: "off", "aria-describedby": describedBy });
  field.value = value;
  field.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  // Runs before the panel's own listener, so the store gets the one-line value.
  field.addEventListener("input", () => {
    if (/[\r\n]/.test(field.value)) field.value = field.value.replace(/[\r\n]+/g, "");
  });
  return field;
}
