// The quiet note above the selected policy editor when its text is AWS CLI output around a policy (or a
// policy as one JSON string) rather than a plain policy: what the engine recognised, and a button that
// puts the plain policy in its place. The findings and tints keep pointing into the text as pasted until
// then; the replacement is one editor change, so the editor's undo brings the pasted text back.

import { el, renderOnce } from "./dom";
import type { PolicyReport } from "./types";

/** Shows in `host` what was recognised around the policy of editor `key`, or hides `host`. */
export function renderWrapperNote(host: HTMLElement, key: string, report: PolicyReport | undefined, replace: (key: string, text: string) => void): void {
  const wrapper = report?.wrapper;
  host.hidden = !wrapper;
  renderOnce(host, JSON.stringify(wrapper ? [key, wrapper.message, wrapper.plainPolicy] : null), () =>
    wrapper
      ? [
          el("span", { class: "wrapper-message" }, ["Recognised: ", ...withCode(wrapper.message), "."]),
          el("button", { type: "button", class: "wrapper-replace", onclick: () => replace(key, wrapper.plainPolicy) }, ["Replace with the plain policy"]),
        ]
      : [],
  );
}

/** The message's `backticked` parts as code, the rest as text. */
function withCode(message: string): (Node | string)[] {
  return message.split("`").map((part, index) => (index % 2 === 1 ? el("code", { text: part }) : part));
}
