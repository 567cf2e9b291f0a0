// The Compare view: a second editor with a new version of the selected policy, the access diff of the
// two decided in the rest of the scenario, the changed statements marked in both editors. A new
// cross-account principal is new access for that principal; a reordered, reformatted version is no
// change; invalid JSON on either side shows its errors with line and column and keeps both texts. The new
// version survives a reload, "Use the new version" is undone by the editor's undo, and leaving with a
// different new version asks first. At phone width it fits and works from the keyboard.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axe, editorText, selectTab, setEditorText, start, waitForDecision, withSavedDocument } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const REPOSITORY = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const OWN = "arn:aws:iam::111122223333:root";
const OTHER = "arn:aws:iam::444455556666:root";

const policy = (statements) => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
const PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
const OWN_PULL = { Sid: "AccountPull", Effect: "Allow", Principal: { AWS: OWN }, Action: PULL };
const NO_DELETE = { Sid: "NoDelete", Effect: "Deny", Principal: "*", Action: "ecr:DeleteRepository" };
const CURRENT = policy([OWN_PULL, NO_DELETE]);
/** The current policy with the account 444455556666 added to the pull statement's principals. */
const CROSS_ACCOUNT = policy([{ ...OWN_PULL, Principal: { AWS: [OWN, OTHER] } }, NO_DELETE]);
/** The current policy's statements swapped, renamed, on one line each, an action's case changed. */
const REORDERED = `{"Version":"2012-10-17","Statement":[
{"Sid":"Second","Effect":"Deny","Principal":"*","Action":"ECR:deleterepository"},
{"Sid":"First","Effect":"Allow","Principal":{"AWS":"${OWN}"},"Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"]}]}`;
/** Cut short: the object of line 4 is never closed. */
const BROKEN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow"\n';

const DOCUMENT = {
  name: "Compare a repository policy",
  repositoryPolicy: CURRENT,
  identityPolicies: [{ name: "pull", policy: policy([{ Effect: "Allow", Action: PULL, Resource: "*" }]) }],
  request: { principal: "arn:aws:iam::111122223333:role/app", action: "ecr:BatchGetImage", resource: REPOSITORY },
};

const compareButton = '#editor-toolbar button:text-is("Compare")';
const newEditor = "#compare-editor .cm-content";

/** Opens Compare on the selected policy and waits for the first comparison (the copy: no change). */
async function openCompare(page) {
  await page.click(compareButton);
  await page.locator("#compare-panel").waitFor({ state: "visible" });
  assert.equal(await page.getAttribute(compareButton, "aria-pressed"), "true");
  await comparison(page, "no-change");
}

/** Waits for the comparison after the latest edit to show `headline` (or `invalid`). */
async function comparison(page, headline) {
  const settled = '#compare-result[aria-busy="false"]';
  const selector = headline === "invalid" ? `${settled}[data-result="invalid"]` : `${settled} #compare-headline[data-headline="${headline}"]`;
  await page.waitForSelector(selector, { timeout: 10_000 });
}

/** Replaces the new version's text, as a person pasting would. */
async function setNewText(page, text) {
  await page.click(newEditor);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/** The text of the new version's editor. */
async function newText(page) {
  return page.locator(newEditor).evaluate((node) => Array.from(node.querySelectorAll(".cm-line"), (line) => line.textContent).join("\n"));
}

/** The text of the lines marked changed in the current (`.editor-panel`) or the new (`#compare-editor`) editor. */
async function changedLines(page, editor) {
  return (await page.locator(`${editor} .cm-line[data-changed-statement]`).allTextContents()).join("\n");
}
const CURRENT_EDITOR = ".editor-panel:not([hidden])";
const NEW_EDITOR = "#compare-editor";

test("a new cross-account principal is new access for it, the changed statement marked in both editors; the new version survives a reload and Use replaces, undoably", async () => {
  await withSavedDocument(env, DOCUMENT, async (page) => {
    await openCompare(page);
    assert.equal(await newText(page), CURRENT, "the new version starts as a copy");
    assert.equal(await changedLines(page, NEW_EDITOR), "");

    await setNewText(page, CROSS_ACCOUNT);
    await comparison(page, "new-access");
    assert.match(await page.locator("#compare-headline").innerText(), /^New access \d+ of \d+ representative requests changed\.$/);
    const other = page.locator(`#compare-changes > li[data-principal="${OTHER}"]`);
    assert.equal(await other.locator("h4").innerText(), OTHER);
    const pull = other.locator('li[data-action="ecr:BatchGetImage"]');
    assert.equal(await pull.getAttribute("data-change"), "new-access");
    assert.deepEqual(await pull.locator(".decision-chip").allInnerTexts(), ["implicit deny", "allowed"]);
    // Only the new principal's account gains anything: its root, a user and a role session.
    for (const principal of await page.locator("#compare-changes > li").evaluateAll((items) => items.map((item) => item.dataset.principal))) {
      assert.match(principal, /:444455556666:/, principal);
    }
    assert.equal(await page.locator('#compare-changes li[data-change="lost-access"]').count(), 0);
    assert.match(await page.locator(".compare-coverage").innerText(), /^Decided for \d+ representative requests: every principal either version names/);
    // The pull statement is the changed one, in both editors; the deny statement is not.
    assert.match(await changedLines(page, CURRENT_EDITOR), /AccountPull/);
    assert.doesNotMatch(await changedLines(page, CURRENT_EDITOR), /NoDelete|444455556666/);
    assert.match(await changedLines(page, NEW_EDITOR), /444455556666/);
    assert.doesNotMatch(await changedLines(page, NEW_EDITOR), /NoDelete/);
    assert.equal(await editorText(page), CURRENT, "the current policy is untouched");
    assert.deepEqual(await axe(page), [], "no accessibility violations with Compare open");

    // Another tab hides Compare and keeps it; back on the policy it is there again.
    await selectTab(page, "pull");
    await page.locator("#compare-panel").waitFor({ state: "hidden" });
    await selectTab(page, "Repository policy");
    await comparison(page, "new-access");
    assert.equal(await newText(page), CROSS_ACCOUNT);

    await page.reload();
    await waitForDecision(page);
    await comparison(page, "new-access");
    assert.equal(await newText(page), CROSS_ACCOUNT, "autosaved");
    assert.equal(await editorText(page), CURRENT);

    await page.click("#compare-use");
    await page.locator("#compare-panel").waitFor({ state: "hidden" });
    assert.equal(await editorText(page), CROSS_ACCOUNT);
    assert.equal(await page.getAttribute(compareButton, "aria-pressed"), "false");
    assert.equal(await page.locator(`${CURRENT_EDITOR} .cm-line[data-changed-statement]`).count(), 0, "no marks outside Compare");
    await page.keyboard.press("Control+Z");
    assert.equal(await editorText(page), CURRENT, "undo brings the previous policy back");
  });
});

test("a reordered, reformatted version with an action's case changed is no change in access, nothing marked", async () => {
  await withSavedDocument(env, DOCUMENT, async (page) => {
    await openCompare(page);
    await setNewText(page, CROSS_ACCOUNT);
    await comparison(page, "new-access");
    await setNewText(page, REORDERED);
    await comparison(page, "no-change");
    assert.match(await page.locator("#compare-headline").innerText(), /^No change in access 0 of \d+ representative requests changed\.$/);
    assert.equal(await page.locator("#compare-changes li").count(), 0);
    assert.equal(await page.locator(".cm-line[data-changed-statement]").count(), 0);
    assert.match(await page.locator(".compare-statements").innerText(), /^Changed statements: none/);
  });
});

test("the versions are decided in the page's scenario: an SCP that denies every action leaves no new access", async () => {
  const denyAll = policy([{ Effect: "Deny", Action: "*", Resource: "*" }]);
  await withSavedDocument(env, { ...DOCUMENT, scps: [[denyAll]] }, async (page) => {
    await openCompare(page);
    await setNewText(page, CROSS_ACCOUNT);
    await comparison(page, "no-change");
    assert.equal(await page.locator("#compare-changes li").count(), 0);
    // The statement changed all the same.
    assert.match(await changedLines(page, NEW_EDITOR), /444455556666/);
  });
});

test("invalid JSON on either side shows its errors with line and column and keeps both texts", async () => {
  await withSavedDocument(env, DOCUMENT, async (page) => {
    await openCompare(page);
    await setNewText(page, CROSS_ACCOUNT);
    await comparison(page, "new-access");

    await setNewText(page, BROKEN);
    await comparison(page, "invalid");
    const errors = page.locator("#compare-errors li");
    assert.match(await errors.first().innerText(), /^New version, line 4, column \d+: invalid JSON: expected `}`/);
    assert.equal(await newText(page), BROKEN, "the new version is kept as typed");
    assert.equal(await editorText(page), CURRENT);
    await page.locator(`${NEW_EDITOR} .cm-lint-marker-error`).first().waitFor();
    // The last comparison stays, out of date.
    assert.equal(await page.getAttribute("#compare-outcome", "data-stale"), "true");
    assert.equal(await page.locator(`#compare-changes > li[data-principal="${OTHER}"]`).count(), 1);

    await setNewText(page, CROSS_ACCOUNT);
    await comparison(page, "new-access");
    assert.equal(await page.getAttribute("#compare-outcome", "data-stale"), null);

    await setEditorText(page, BROKEN);
    await comparison(page, "invalid");
    assert.match(await errors.first().innerText(), /^Current version, line 4, column \d+: invalid JSON/);
    assert.equal(await editorText(page), BROKEN);
    assert.equal(await newText(page), CROSS_ACCOUNT);
  });
});

test("at phone width Compare fits and works from the keyboard; leaving with a different new version asks first", async () => {
  await withSavedDocument(
    env,
    DOCUMENT,
    async (page) => {
      await page.focus(compareButton);
      await page.keyboard.press("Enter");
      await comparison(page, "no-change");
      assert.ok(await page.locator(NEW_EDITOR).evaluate((node) => node.contains(document.activeElement)), "focus is in the new version");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(CROSS_ACCOUNT);
      await comparison(page, "new-access");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);

      // Shift+Tab leaves the editor for the panel's buttons.
      await page.keyboard.press("Shift+Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "compare-close");
      await page.keyboard.press("Enter");
      const dialog = page.locator('dialog[data-dialog="confirm"]');
      await dialog.waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      assert.equal(await newText(page), CROSS_ACCOUNT, "cancelling keeps the new version");
      await page.keyboard.press("Enter");
      await dialog.waitFor();
      await page.keyboard.press("Enter");
      await page.locator("#compare-panel").waitFor({ state: "hidden" });
      assert.ok(await page.locator(CURRENT_EDITOR).evaluate((node) => node.contains(document.activeElement)), "focus goes back to the policy");
      assert.equal(await editorText(page), CURRENT);

      // A new version that says what the policy says goes without a question.
      await page.click(compareButton);
      await comparison(page, "no-change");
      await page.click("#compare-close");
      await page.locator("#compare-panel").waitFor({ state: "hidden" });
      assert.equal(await dialog.count(), 0);
    },
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  );
});
