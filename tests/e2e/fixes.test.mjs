// "How to fix": a denied cross-account pull lists a fix; Preview shows which editor changes and the
// lines it adds; Apply puts the edited policy into its editor and the decision becomes allowed; the
// editor's undo brings back the previous text and decision.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axe, editorText, start, waitForDecision, withSavedDocument } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const REPOSITORY = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const REPOSITORY_POLICY = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [{ Sid: "CiPull", Effect: "Allow", Principal: { AWS: "arn:aws:iam::777788889999:root" }, Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }],
  },
  null,
  2,
);
const IDENTITY_POLICY = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: REPOSITORY },
      { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    ],
  },
  null,
  2,
);

/** Carol, in account 444455556666, pulls from account 111122223333, whose repository policy names another account. */
const CROSS_ACCOUNT_PULL = {
  name: "carol cannot pull across accounts",
  repositoryPolicy: REPOSITORY_POLICY,
  identityPolicies: [{ name: "pull", policy: IDENTITY_POLICY }],
  request: { principal: "arn:aws:iam::444455556666:user/carol", operation: "pull", resource: REPOSITORY },
};

test("a fix for a denied cross-account pull is previewed, applied, and undone with the editor's undo", async () => {
  await withSavedDocument(env, CROSS_ACCOUNT_PULL, async (page) => {
    assert.equal(await waitForDecision(page, "implicitDeny"), "implicitDeny");
    assert.equal(await page.locator("#fixes .fix").count(), 0, "fixes are computed only when asked for");
    await page.click("#suggest-fixes");
    const fix = page.locator("#fixes .fix").first();
    await fix.waitFor();
    assert.match(await page.locator("#fixes h3").innerText(), /How to fix/);
    assert.match(await fix.locator(".fix-side").innerText(), /Repository's side/);
    assert.match(await fix.locator(".fix-description").innerText(), /arn:aws:iam::444455556666:user\/carol/);

    const preview = fix.getByRole("button", { name: "Preview" });
    await preview.click();
    assert.equal(await preview.getAttribute("aria-expanded"), "true");
    assert.match(await fix.locator(".fix-change figcaption").first().innerText(), /^Changes /);
    assert.ok((await fix.locator(".fix-added").count()) > 0, "the preview marks the added lines");
    assert.match(await fix.locator(".fix-added").allInnerTexts().then((lines) => lines.join("\n")), /444455556666:user\/carol/);
    assert.deepEqual(await axe(page), [], "the How to fix section with its preview open passes axe");

    await fix.getByRole("button", { name: "Apply" }).click();
    await waitForDecision(page, "allowed");
    const applied = await editorText(page);
    assert.match(applied, /"AWS": "arn:aws:iam::444455556666:user\/carol"/);
    assert.ok(applied.startsWith(REPOSITORY_POLICY.slice(0, REPOSITORY_POLICY.lastIndexOf("\n  ]"))), "the rest of the policy is kept as written");
    assert.equal(await page.locator("#fixes .fix").count(), 0, "an allowed decision has nothing to fix");
    assert.equal(await page.locator("#suggest-fixes").count(), 0, "nor a button to ask for fixes");
    assert.match(await page.locator("#notice").innerText(), /Applied the fix/);

    await page.keyboard.press("Control+z");
    await waitForDecision(page, "implicitDeny");
    assert.equal(await editorText(page), REPOSITORY_POLICY);
    await page.locator("#suggest-fixes").waitFor();
  });
});
