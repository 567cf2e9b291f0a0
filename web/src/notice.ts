// The two bars under the top bar: the notice (role="status": what was loaded, notes about it, and
// "Restore previous work") and the alert (role="alert": a link or a file that could not be opened).
// Both hold text only and close with their × button.

import { byId, el } from "./dom";

function show(host: HTMLElement, content: HTMLElement[]): void {
  host.hidden = false;
  host.replaceChildren(
    ...content,
    el(
      "button",
      {
        type: "button",
        class: "small",
        "aria-label": "Dismiss",
        onclick: () => {
          host.hidden = true;
          host.replaceChildren();
        },
      },
      ["×"],
    ),
  );
}

/** Says what was loaded; with `restore`, offers the previous work back. */
export function showNotice(messages: string[], restore: (() => void) | null): void {
  const host = byId("notice");
  show(
    host,
    [
      el(
        "span",
        { class: "notice-text" },
        messages.map((message) => el("span", { text: message })),
      ),
      restore
        ? el(
            "button",
            {
              type: "button",
              class: "small",
              onclick: () => {
                restore();
                host.hidden = true;
              },
            },
            ["Restore previous work"],
          )
        : null,
    ].filter((node): node is HTMLElement => node !== null),
  );
}

/** Says what could not be opened and that the work on the page is unchanged. */
export function showAlert(message: string): void {
  show(byId("page-alert"), [el("span", { class: "notice-text", text: `${message} The work on the page is unchanged.` })]);
}

/** Hides the alert (something else was opened since). */
export function hideAlert(): void {
  const host = byId("page-alert");
  host.hidden = true;
  host.replaceChildren();
}
