// Enter confirms a dialog. A form's Enter would press its first submit button, which in our dialogs is
// Cancel; so Enter pressed in a field, or anywhere but on a control Enter already acts on (a button, a
// link, a list box, an editable multi-line field), calls the dialog's confirming action instead.
// Escape cancels, as every <dialog> does.

/** Makes Enter inside `dialog` call `confirm`. */
export function confirmOnEnter(dialog: HTMLDialogElement, confirm: () => void): void {
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!(event.target instanceof Element) || event.target.closest("button, a, select, summary, textarea:not([readonly])")) return;
    event.preventDefault();
    confirm();
  });
}
