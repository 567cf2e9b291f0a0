// The "Import from account" dialog: account authorization details pasted or opened, a user or role
// picked from a searchable list, its identity side filling the page (the work before restorable), and
// the who-can table for the page's request. A document that cannot be read never changes the page.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { axe, REPO_ROOT, start, withPage } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const FIXTURES = join(REPO_ROOT, "tests", "fixtures", "account-details");
const DETAILS = readFileSync(join(FIXTURES, "cli-output.json"), "utf8");

/** The names on the policy tabs, in order. */
async function tabNames(page) {
  return page.locator("#policy-tabs [role=tab] .tab-name").allTextContents();
}

/** Opens the dialog and puts `text` in its document field, as a paste would. */
async function pasteDetails(page, text) {
  await page.click("#import-account");
  const field = page.locator("#account-details-text");
  await field.fill(text);
}

test("a document that cannot be read says where and changes nothing", async () => {
  await withPage(env, async (page) => {
    const before = await tabNames(page);
    const principal = await page.inputValue("#principal-input");
    await pasteDetails(page, '{\n  "UserDetailList": [');
    await page.waitForSelector("#account-status:text-matches('^Not readable: line 2, column')");
    assert.equal(await page.locator("#account-principals [role=option]").count(), 0);
    assert.equal(await page.isDisabled("#account-import-apply"), true);
    await page.click('dialog[data-dialog="account-import"] button[value=cancel]');
    await page.waitForSelector('dialog[data-dialog="account-import"]', { state: "detached" });
    assert.deepEqual(await tabNames(page), before);
    assert.equal(await page.inputValue("#principal-input"), principal);
  });
});

test("a picked user's identity side fills the page, missing policies are named, and the work before comes back", async () => {
  await withPage(env, async (page) => {
    const before = await tabNames(page);
    await pasteDetails(page, DETAILS);
    await page.waitForSelector("#account-status:text-is('Read 2 users and 2 roles.')");
    assert.equal(await page.locator("#account-principals [role=option]").count(), 4);
    await page.fill("#account-filter", "BOB");
    assert.deepEqual(await page.locator("#account-principals [role=option]").evaluateAll((nodes) => nodes.map((node) => node.dataset.arn)), [
      "arn:aws:iam::111122223333:user/bob",
    ]);
    await page.click('#account-principals [data-arn="arn:aws:iam::111122223333:user/bob"]');
    await page.click("#account-import-apply");
    await page.waitForSelector('dialog[data-dialog="account-import"]', { state: "detached" });
    const after = await tabNames(page);
    assert.ok(after.includes("EcrPullTeam (managed)"), after.join(", "));
    assert.ok(after.includes("Permissions boundary"), after.join(", "));
    assert.equal(after[0], before[0], "the repository policy stays");
    assert.equal(await page.inputValue("#principal-input"), "arn:aws:iam::111122223333:user/bob");
    const notice = await page.locator("#notice").textContent();
    assert.match(notice, /Imported the identity side of arn:aws:iam::111122223333:user\/bob/);
    assert.match(notice, /AmazonEC2ContainerRegistryPowerUser/);
    await page.click("#notice button:text-is('Restore previous work')");
    await page.waitForFunction((names) => {
      const shown = Array.from(document.querySelectorAll("#policy-tabs [role=tab] .tab-name"), (node) => node.textContent);
      return JSON.stringify(shown) === JSON.stringify(names);
    }, before);
  });
});

test("who can: every user and role, roles as any session, for the page's request", async () => {
  await withPage(env, async (page) => {
    const action = await page.inputValue("#action-input");
    await pasteDetails(page, DETAILS);
    await page.waitForSelector(".who-can-table tbody tr");
    assert.equal(await page.locator("#who-can h3 code").first().textContent(), action);
    const rows = await page.locator(".who-can-table tbody tr").evaluateAll((nodes) =>
      nodes.map((node) => ({ arn: node.dataset.arn, decision: node.dataset.decision, text: node.textContent })),
    );
    const arns = rows.map((row) => row.arn);
    for (const arn of [
      "arn:aws:iam::111122223333:user/alice",
      "arn:aws:iam::111122223333:user/bob",
      "arn:aws:iam::111122223333:role/ci/ci-build",
      "arn:aws:iam::111122223333:role/auditor",
    ]) {
      assert.ok(arns.includes(arn), `${arn} in ${arns.join(", ")}`);
    }
    const role = rows.find((row) => row.arn.endsWith("role/ci/ci-build"));
    assert.match(role.text, /\(any session of the role\)/);
    for (const row of rows) {
      assert.match(row.decision, /^(allowed|explicitDeny|implicitDeny|invalid)$/);
      assert.ok(row.text.length > row.arn.length, `a reason for ${row.arn}`);
    }
    const bob = rows.find((row) => row.arn.endsWith("user/bob"));
    assert.match(bob.text, /Left out, not in the document: AmazonEC2ContainerRegistryPowerUser/);
    assert.deepEqual(await axe(page), [], "the dialog has no accessibility violations");
  });
});
