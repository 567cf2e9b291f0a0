// Reading the page's whole state from what it shows, to compare a page with the page a link, a file or
// a reload gives back; and the share dialog's helpers.

import { editorText, waitForDecision } from "./harness.mjs";

/**
 * Every tab (kind, name, selected, editor text), the request fields, the context table's rows as typed,
 * the result panel and the decision. Visits each tab to read its editor, then selects the original one.
 */
export async function pageSnapshot(page) {
  const decision = await waitForDecision(page);
  const tabs = page.locator("[role=tab][data-policy-key]");
  const described = await tabs.evaluateAll((nodes) =>
    nodes.map((node) => ({ kind: node.dataset.kind, name: node.querySelector(".tab-name")?.textContent, selected: node.getAttribute("aria-selected") === "true" })),
  );
  for (const [index, tab] of described.entries()) {
    await tabs.nth(index).click();
    tab.text = await editorText(page);
  }
  const selected = described.findIndex((tab) => tab.selected);
  await tabs.nth(selected).click();
  const context = await page.locator(".context-rows .context-row").evaluateAll((rows) =>
    rows.map((row) => ({ key: row.querySelector(".context-key").value, type: row.querySelector(".context-type").value, value: row.querySelector(".context-value").value })),
  );
  return {
    decision,
    summary: await page.getAttribute("#decision", "data-summary"),
    tabs: described,
    principal: await page.inputValue("#principal-input"),
    action: await page.inputValue("#action-input"),
    resource: await page.inputValue("#resource-input"),
    context,
    panel: (await page.locator("#matrix-view").isHidden()) ? "explain" : "matrix",
  };
}

/** Clicks a share button (`#copy-link`, `#copy-embed`) and returns the dialog and the text it offers. */
export async function openShare(page, button = "#copy-link") {
  await page.click(button);
  const dialog = page.locator('dialog[data-dialog^="share-"]');
  await dialog.waitFor();
  // With a text to copy, the dialog says whether it was copied or is selected for Ctrl+C.
  await page.waitForFunction(() => !document.querySelector("#share-text") || document.querySelector("#share-status")?.textContent !== "");
  const area = dialog.locator("#share-text");
  const text = (await area.count()) > 0 ? await area.inputValue() : null;
  return { dialog, text, status: await dialog.locator("#share-status").innerText() };
}

/** The link "Copy link" gives, with the dialog closed again. */
export async function copyLink(page) {
  const { dialog, text } = await openShare(page);
  await dialog.locator('button:text-is("Close")').click();
  await dialog.waitFor({ state: "detached" });
  return text;
}
