// The "Registry policy" tab: added and removed like the optional policies, its V1/V2 scope switch, its
// tints and findings, and the registry policy and its scope carried by links, downloads, autosave and the
// embed view, each deciding as the page does.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { cliEval } from "./cli.mjs";
import { editorText, loadExample, SAVED_KEY, selectTab, start, waitForDecision, withPage } from "./harness.mjs";
import { copyLink } from "./page-state.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const SCOPE = "#registry-scope";
const NOT_ENFORCED = '#findings [data-policy="registry"]:has-text("not enforced under scope V1")';

/** Chooses the registry policy's scope in its tab's switch and waits for the decision that follows. */
async function chooseScope(page, scope, decision) {
  await selectTab(page, "Registry policy");
  await page.selectOption(SCOPE, scope);
  return waitForDecision(page, decision);
}

test("the scope switch decides: a V1 pull grant is not enforced, the same grant under V2 allows", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, "19-registry-v1-pull-not-enforced");
    await waitForDecision(page, "implicitDeny");
    await selectTab(page, "Registry policy");
    assert.equal(await page.inputValue(SCOPE), "V1");
    assert.equal(await page.locator(NOT_ENFORCED).count(), 1, "the V1 finding on the pull statement");
    assert.ok((await page.locator(".editor-panel:not([hidden]) .cm-line.cm-stmt").count()) > 0, "the registry policy's statement is tinted");

    await chooseScope(page, "V2", "allowed");
    assert.equal(await page.locator(NOT_ENFORCED).count(), 0, "no V1 finding under V2");
    assert.ok((await page.locator(".editor-panel:not([hidden]) .cm-line.cm-stmt-allow-match").count()) > 0, "the grant now matches");
    assert.match(await page.locator("#reasons").innerText(), /registry policy/);

    await chooseScope(page, "V1", "implicitDeny");
  });
});

test("the registry policy and its scope travel by link, download, autosave and embed, deciding as on the page", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, "19-registry-v1-pull-not-enforced");
    await chooseScope(page, "V2", "allowed");
    const registryText = await editorText(page);

    const link = await copyLink(page);
    const fromLink = cliEval(["--link", link]);
    assert.equal(fromLink.result.decision, "allowed", "ecr-policy eval --link decides as the page");

    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#download-scenario")]);
    const downloaded = JSON.parse(readFileSync(await file.path(), "utf8"));
    assert.equal(downloaded.registryPolicyScope, "V2");
    assert.equal(JSON.parse(downloaded.registryPolicy).Statement[0].Sid, "PullForBob");
    assert.equal(downloaded.expect, "implicitDeny", "the example's expect, which the page does not edit, is kept");

    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? "{}").document?.registryPolicyScope === "V2", SAVED_KEY);
    await page.reload();
    await waitForDecision(page, "allowed");
    await selectTab(page, "Registry policy");
    assert.equal(await page.inputValue(SCOPE), "V2", "autosave restores the scope");
    assert.equal(await editorText(page), registryText);

    await page.goto(`${env.url}?embed=1${new URL(link).hash}`);
    await waitForDecision(page, "allowed");
    assert.match(await page.locator("#embed-root").innerText(), /registry policy/i);
  });
});

test("a registry policy is added and removed like the optional policies", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, "15-registry-replication-needs-registry-policy");
    await waitForDecision(page, "implicitDeny");
    assert.equal(await page.locator('[role=tab][data-kind="registry"]').count(), 0);

    await page.click(".add-menu summary");
    await page.click('.add-menu .menu-item:has-text("Registry policy")');
    assert.equal(await page.getAttribute('[role=tab][data-kind="registry"]', "aria-selected"), "true");
    assert.equal(await page.inputValue(SCOPE), "V2", "a new registry policy has the default scope");
    // The template is the ECR guide's cross-account replication policy, which allows this replication.
    await waitForDecision(page, "allowed");
    await page.click(".add-menu summary");
    assert.ok(await page.locator('.add-menu .menu-item:has-text("Registry policy")').isDisabled(), "one registry policy per registry");
    await page.click(".add-menu summary");

    await page.click('.editor-toolbar button:text-is("Remove")');
    await page.click('dialog[data-dialog="confirm"] button[value="confirm"]');
    await waitForDecision(page, "implicitDeny");
    assert.equal(await page.locator('[role=tab][data-kind="registry"]').count(), 0);
  });
});

test("the gallery's registry examples decide as their files expect", async () => {
  await withPage(env, async (page) => {
    for (const [id, expected] of [
      ["14-registry-cross-account-replication", "allowed"],
      ["16-registry-pull-through-cache-role", "allowed"],
      ["17-registry-cache-rule-needs-identity-policy", "implicitDeny"],
      ["18-registry-deny-push-to-prod", "explicitDeny"],
    ]) {
      await loadExample(page, id);
      assert.equal(await waitForDecision(page, expected), expected, id);
    }
  });
});
