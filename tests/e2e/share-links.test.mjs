// Share links and scenario files on the page, and nothing lost: a copied link
// restores the whole page, opening a link keeps the previous work one click away, a reload restores
// the autosaved work, and states too big for a link travel as the file the CLI reads.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliEval } from "./cli.mjs";
import { axe, editorText, example, loadExample, REPO_ROOT, selectTab, setEditorText, start, waitForDecision, withPage } from "./harness.mjs";
import { linkFor } from "./links.mjs";
import { copyLink, openShare, pageSnapshot } from "./page-state.mjs";

let env;
const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };
const TMP = mkdtempSync(join(tmpdir(), "ecr-e2e-"));

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
  rmSync(TMP, { recursive: true, force: true });
});

const BROKEN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "Half", "Effect": "Allow", \n';

/** Adds a context row through the table, as a person would. */
async function addContextRow(page, key, type, value) {
  await page.click(".context-table .add-row");
  const row = page.locator(".context-rows .context-row").last();
  await row.locator(".context-key").fill(key);
  await row.locator(".context-type").selectOption(type);
  await page.locator(".context-rows .context-row").last().locator(".context-value").fill(value);
}

/** Builds a state that uses everything a link must carry. */
async function buildRichState(page) {
  await selectTab(page, "app-role-policy");
  await page.click('.editor-toolbar button:text-is("Rename")');
  await page.fill("#prompt-input", "ci pull, v2 ✓ é");
  await page.click('dialog[data-dialog="prompt"] button[value="ok"]');
  await page.click(".add-menu summary");
  await page.click('.add-menu .menu-item:text-is("Identity policy")');
  await setEditorText(page, BROKEN);
  await page.click(".add-menu summary");
  await page.click('.add-menu .menu-item:text-is("Permissions boundary")');
  await setEditorText(page, '{"Version":"2012-10-17",\n\t"Statement":[{"Effect":"Allow","Action":"ecr:*","Resource":"*"}]}');
  await page.click(".add-menu summary");
  await page.click('.add-menu .menu-item:has-text("SCP level")');
  await page.selectOption("#principal-preset", "other");
  await page.fill("#action-input", "ecr:PutImage");
  await page.keyboard.press("Escape");
  await addContextRow(page, "aws:SourceIp", "string", "203.0.113.7");
  await addContextRow(page, "aws:TagKeys", "list", "team\n\nowner ");
  await addContextRow(page, "", "string", "a row without a key");
  await addContextRow(page, "aws:MultiFactorAuthAge", "number", "12x");
  await selectTab(page, "policy-2");
  await page.click("#result-tab-matrix");
}

test("copy link restores everything: texts as typed, broken JSON, tab names, request, context table, view", async () => {
  let link;
  let before;
  await withPage(env, async (page) => {
    await buildRichState(page);
    // While typing, the last good result stays (out of date); a page opened with this state, as the
    // link opens it, has no earlier result and shows the invalid decision. Reloading opens it so.
    await page.waitForSelector('#decision[data-stale="true"]');
    await page.reload();
    before = await pageSnapshot(page);
    assert.equal(before.decision, "invalid");
    const share = await openShare(page);
    link = share.text;
    assert.match(share.status, /Copied to the clipboard/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(link.startsWith(`${env.url}#s=1.`), link);
    assert.match(link.slice(env.url.length), /^#s=1\.[A-Za-z0-9_-]+$/);
    assert.equal(await page.locator("#share-warning").count(), 0, "a short link needs no warning");
    assert.deepEqual(await axe(page), [], "the share dialog has no accessibility violations");
  }, CLIPBOARD);

  await withPage(env, async (page) => {
    const after = await pageSnapshot(page);
    assert.deepEqual(after, before);
    assert.match(await page.locator("#notice").innerText(), /Opened a shared link/);
    assert.equal(new URL(page.url()).hash, "", "the link is read once: a reload restores the autosaved work");
  }, { path: new URL(link).hash });
});

test("opening a link keeps the previous work one click away, in the same tab and in a new one", async () => {
  const link = linkFor(env.url, example("01-cross-account-pull"));
  await withPage(env, async (page, session) => {
    await setEditorText(page, (await editorText(page)).replace('"AllowPull"', '"MyPreciousWork"'));
    await waitForDecision(page);

    await page.goto(link);
    await waitForDecision(page, "allowed");
    await page.waitForSelector('[role=tab] .tab-name:text-is("pull-shared-images")');
    assert.doesNotMatch(await editorText(page), /MyPreciousWork/);
    await page.click('#notice button:text-is("Restore previous work")');
    await page.waitForSelector('[role=tab] .tab-name:text-is("pull-shared-images")', { state: "detached" });
    await selectTab(page, "Repository policy");
    assert.match(await editorText(page), /MyPreciousWork/);

    const tab = await session.context.newPage();
    await tab.goto(link);
    await waitForDecision(tab, "allowed");
    assert.match(await tab.locator("#notice").innerText(), /Your previous work is kept/);
    await tab.reload();
    await waitForDecision(tab, "allowed");
    await tab.waitForSelector('[role=tab] .tab-name:text-is("pull-shared-images")');
    await tab.goto(link);
    await waitForDecision(tab, "allowed");
    assert.match(await tab.locator("#notice").innerText(), /Opened a shared link/);
    assert.equal(await tab.locator('#notice button:text-is("Restore previous work")').count(), 0, "the same link again keeps the work from before it");
    await loadExample(tab, "02-ci-user-push-pull");
    await tab.click('#notice button:text-is("Restore previous work")');
    await waitForDecision(tab, "allowed");
    await tab.waitForSelector('[role=tab] .tab-name:text-is("pull-shared-images")');
  });
});

test("a reload right after an edit restores the autosaved work exactly", async () => {
  await withPage(env, async (page) => {
    await buildRichState(page);
    // Opened with its broken JSON, the page shows the invalid decision (no earlier result to keep).
    await page.waitForSelector('#decision[data-stale="true"]');
    await page.reload();
    await selectTab(page, "Repository policy");
    const before = await pageSnapshot(page);
    const edited = before.tabs[0].text.replace('"AllowPull"', '"EditedJustNow"');
    // No pause: the reload comes before the debounced autosave would run.
    await setEditorText(page, edited);
    await page.reload();
    before.tabs[0].text = edited;
    assert.deepEqual(await pageSnapshot(page), before);
    assert.equal(await page.locator("#notice").isHidden(), true);
  });
});

test("links from another engine version or with several scenarios open with a note", async () => {
  await withPage(env, async (page) => {
    const engine = (await page.locator("#engine-version").innerText()).replace(/^engine /, "");
    const old = { ...example("03-deny-outside-vpc-endpoint"), engineVersion: "0.0.1-old" };
    await page.goto(linkFor(env.url, old));
    await waitForDecision(page, "explicitDeny");
    const notice = await page.locator("#notice").innerText();
    assert.match(notice, /made with engine 0\.0\.1-old/);
    assert.ok(notice.includes(`this page runs engine ${engine}`), notice);

    await page.goto(linkFor(env.url, { ...old, engineVersion: engine }));
    await waitForDecision(page, "explicitDeny");
    assert.doesNotMatch(await page.locator("#notice").innerText(), /made with engine/);

    await page.goto(linkFor(env.url, [example("02-ci-user-push-pull"), old]));
    await waitForDecision(page, "allowed");
    assert.match(await page.locator("#notice").innerText(), /holds 2 scenarios; this is the first, “CI user pushes and pulls”/);
  });
});

test("a long link warns and offers the file; a state too big for a link offers only the file", async () => {
  await withPage(env, async (page) => {
    const statements = Array.from({ length: 80 }, () => ({ Sid: randomBytes(24).toString("hex"), Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }));
    // Compact, to stay under the 10,240 characters a repository policy may have.
    await setEditorText(page, JSON.stringify({ Version: "2012-10-17", Statement: statements }));
    await waitForDecision(page, "allowed");
    const long = await openShare(page);
    assert.ok(long.text.length > 2_000, `${long.text.length} characters`);
    assert.match(await long.dialog.locator("#share-warning").innerText(), /characters long.*download the scenario/s);
    const [download] = await Promise.all([page.waitForEvent("download"), long.dialog.locator("#share-download").click()]);
    const file = join(TMP, download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(JSON.parse(readFileSync(file, "utf8")).repositoryPolicy.includes(statements[0].Sid), true);
    await long.dialog.locator('button:text-is("Close")').click();

    await addContextRow(page, "aws:PrincipalTag/noise", "string", randomBytes(60_000).toString("base64"));
    await waitForDecision(page, "allowed");
    const huge = await openShare(page);
    assert.equal(huge.text, null);
    assert.match(await huge.dialog.locator("#share-warning").innerText(), /too big for a link/);
    assert.equal(await huge.dialog.locator("#share-download").count(), 1);
  });
});

test("download scenario gives the file the CLI reads, and open scenario file restores it", async () => {
  let file;
  let before;
  await withPage(env, async (page) => {
    await buildRichState(page);
    await selectTab(page, "policy-2");
    await setEditorText(page, '{"Version": "2012-10-17", "Statement": []}');
    await page.click("#result-tab-explain");
    before = await pageSnapshot(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-scenario")]);
    assert.equal(download.suggestedFilename(), "scenario.json");
    file = join(TMP, "downloaded.json");
    await download.saveAs(file);
    const { result } = cliEval([file]);
    assert.equal(result.decision, before.decision);
    assert.equal(result.summary, before.summary);
  });

  await withPage(env, async (page) => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-scenario")]);
    await chooser.setFiles(file);
    await page.waitForSelector('#notice:has-text("Opened the scenario")');
    assert.deepEqual(await pageSnapshot(page), before);
  });
});

test("a file with several scenarios lets the person pick one; a file that is not a scenario gives an alert", async () => {
  const several = join(REPO_ROOT, "tests", "scenarios", "smoke", "basics.json");
  const scenarios = JSON.parse(readFileSync(several, "utf8"));
  const notJson = join(TMP, "not-a-scenario.json");
  writeFileSync(notJson, "{ this is not JSON");
  await withPage(env, async (page) => {
    await page.setInputFiles("#scenario-file", several);
    const dialog = page.locator('dialog[data-dialog="choose"]');
    await dialog.waitFor();
    assert.equal(await dialog.locator("li.choice").count(), scenarios.length);
    await dialog.locator('li.choice[data-choice="2"] button').click();
    assert.equal(await waitForDecision(page, scenarios[2].expect), scenarios[2].expect);
    assert.match(await page.locator("#notice").innerText(), new RegExp(`Scenario 3 of ${scenarios.length} in basics\\.json`));

    await page.setInputFiles("#scenario-file", notJson);
    const alert = page.locator('#page-alert[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /not-a-scenario\.json” does not hold a scenario: line 1, column 3: invalid JSON/);
    assert.equal(await waitForDecision(page, scenarios[2].expect), scenarios[2].expect);
  });
});
