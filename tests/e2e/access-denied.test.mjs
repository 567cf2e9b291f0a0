// Starting from an AccessDenied message: pasted into the principal field or the "Paste an AccessDenied
// message" box, it fills the request, and the result panel says whether the playground agrees with the
// reason AWS gave and, when not, which policy to look at. Text that is no such message changes nothing.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { start, waitForDecision, withPage, withSavedDocument } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const SESSION = "arn:aws:sts::444455556666:assumed-role/ci/build-7";
const REPOSITORY = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const message = (reason) => `User: ${SESSION} is not authorized to perform: ecr:BatchGetImage on resource: ${REPOSITORY} ${reason}`;

/** The caller's account allows everything; the repository policy trusts nobody else; another request. */
const DOCUMENT = {
  name: "Cross-account pull",
  repositoryPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:*" }] },
  identityPolicies: [{ name: "ci", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ecr:*", Resource: "*" }] } }],
  request: { principal: "arn:aws:iam::111122223333:user/bob", action: "ecr:PutImage", resource: "arn:aws:ecr:us-east-1:111122223333:repository/other" },
};

const withDocument = (body) => withSavedDocument(env, DOCUMENT, body);

/** Pastes `text` into the principal field as a person would (a paste event with the clipboard's text). */
async function pasteIntoPrincipal(page, text) {
  await page.locator("#principal-input").evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("a message pasted into the principal field fills the request, and the result agrees with AWS's reason", async () => {
  await withDocument(async (page) => {
    await pasteIntoPrincipal(page, message("because no resource-based policy allows the ecr:BatchGetImage action"));
    const agreement = page.locator("#aws-agreement");
    await page.waitForSelector('#aws-agreement[data-verdict="agrees"]:not([hidden])');
    assert.equal(await page.inputValue("#principal-input"), SESSION);
    assert.equal(await page.inputValue("#action-input"), "ecr:BatchGetImage");
    assert.equal(await page.inputValue("#resource-input"), REPOSITORY);
    assert.equal(await waitForDecision(page), "implicitDeny");
    assert.match(await agreement.innerText(), /agrees with AWS.*no Allow in the resource-based policy/);
  });
});

test("a message the playground disagrees with says which policy to look at", async () => {
  await withDocument(async (page) => {
    await page.click(".access-denied summary");
    await page.fill("#access-denied-input", message("with an explicit deny in a service control policy"));
    await page.click('.access-denied button:text-is("Fill the request")');
    await page.waitForSelector('#aws-agreement[data-verdict="disagrees"]:not([hidden])');
    assert.match(await page.locator("#aws-agreement").innerText(), /look at the SCPs/);
    // Editing the request away from the message's: the playground can no longer check it.
    await page.fill("#action-input", "ecr:PutImage");
    await page.waitForSelector('#aws-agreement[data-verdict="cannot-tell"]:not([hidden])');
    await page.click('.access-denied button:text-is("Forget the message")');
    await page.waitForSelector("#aws-agreement[hidden]", { state: "attached" });
  });
});

test("a text that is no AccessDenied message says why and leaves the request alone", async () => {
  await withDocument(async (page) => {
    await page.click(".access-denied summary");
    await page.fill("#access-denied-input", "Access Denied");
    await page.click('.access-denied button:text-is("Fill the request")');
    // The message is read by the analyses module, loaded on this first use: wait for the answer.
    await page.waitForSelector("#access-denied-status:not(:empty)");
    assert.match(await page.locator("#access-denied-status").innerText(), /line 1, column 1.*not an AccessDenied message/);
    assert.equal(await page.inputValue("#principal-input"), DOCUMENT.request.principal);
    assert.equal(await page.locator("#aws-agreement").isHidden(), true);
  });
});

test("the analyses module is fetched on the first analysis, not with the page, and runs in the analyses worker", async () => {
  await withPage(
    env,
    async (page) => {
      const fetched = [];
      page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      const analysesModule = () => fetched.filter((path) => /ecr_policy_analyses_bg-[^/]*\.wasm$/.test(path));
      const analysesWorkers = () => page.workers().filter((worker) => /\/assets\/analyses-worker-[^/]*\.js$/.test(new URL(worker.url()).pathname));
      await page.goto(env.url);
      await waitForDecision(page);
      assert.equal(fetched.filter((path) => /ecr_policy_wasm_bg-[^/]*\.wasm$/.test(path)).length, 1, "the first-load module");
      assert.deepEqual(analysesModule(), [], "the analyses module before any analysis");
      assert.deepEqual(analysesWorkers(), [], "no analyses worker before any analysis");
      await page.click(".access-denied summary");
      await page.fill("#access-denied-input", "Access Denied");
      await page.click('.access-denied button:text-is("Fill the request")');
      await page.waitForSelector("#access-denied-status:not(:empty)");
      assert.equal(analysesModule().length, 1, "the analyses module after the first analysis");
      assert.equal(analysesWorkers().length, 1, "one analyses worker, from the page's own assets");
    },
    { open: false },
  );
});
