// On a narrow screen the top bar's buttons fold into a "Menu" button (the disclosure pattern: the button
// says whether the menu is open; Escape closes it and gives focus back). Wide screens show them all and
// never see the button.

import "./header-menu.css";

/** Binds the menu button `toggle` to the menu it shows and hides. */
export function bindHeaderMenu(toggle: HTMLElement, menu: HTMLElement): void {
  const setOpen = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-open", open);
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  // A button of the menu did its job: the menu folds away again.
  menu.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("button")) setOpen(false);
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
    setOpen(false);
    toggle.focus();
  });
}
