// Browser tests of the playground page, against the built page in web/dist.
// Every test records requests: one to another origin, a CSP violation or a console error fails it.
// Share links, embedding and hostile input have their own files.

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { axe, editorText, example, loadExample, REPO_ROOT, SAVED_KEY, SCREENSHOTS, selectTab, setEditorText, start, waitForDecision, withPage as withFreshPage } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

/** Runs `body` on a fresh page; the recorder must find nothing. */
const withPage = (body, options) => withFreshPage(env, body, options);

const EXAMPLE_IDS = readdirSync(join(REPO_ROOT, "tests", "scenarios", "examples"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.replace(/\.json$/, ""))
  .sort();

test("the page opens with a decision and the gallery has at least ten examples", async () => {
  await withPage(async (page) => {
    assert.match(await waitForDecision(page), /^(allowed|explicitDeny|implicitDeny)$/);
    await page.click("#open-gallery");
    const cards = await page.locator("[data-example]").count();
    assert.ok(cards >= 10, `only ${cards} examples`);
    assert.equal(cards, EXAMPLE_IDS.length);
    await page.keyboard.press("Escape");
  });
});

test("every example shows the decision its file expects (a suite: its first request's, and every request passes)", async () => {
  await withPage(async (page) => {
    for (const id of EXAMPLE_IDS) {
      const scenario = example(id);
      const expected = scenario.expect ?? scenario.requests[0].expect;
      await loadExample(page, id);
      assert.equal(await waitForDecision(page, expected), expected, id);
      const requests = scenario.requests?.length ?? 1;
      await page.waitForSelector(`#requests li[data-request="${requests - 1}"]`);
      assert.equal(await page.locator('#requests li[data-result="pass"]').count(), requests, `${id}: every request passes`);
      const statements = await page.locator("#statements [data-outcome]").count();
      assert.ok(statements > 0, `${id}: no statement listed`);
    }
  });
});

test("editing a statement changes the decision and the tints", async () => {
  await withPage(async (page) => {
    await loadExample(page, "02-ci-user-push-pull");
    await waitForDecision(page, "allowed");
    const item = page.locator('#statements [data-policy="repository"][data-statement="0"]');
    assert.equal(await item.getAttribute("data-outcome"), "allow-match");
    assert.ok((await page.locator(".editor-panel:not([hidden]) .cm-line.cm-stmt-allow-match").count()) > 0);

    const text = await editorText(page);
    await setEditorText(page, text.replace('"Effect": "Allow"', '"Effect": "Deny"'));
    await waitForDecision(page, "explicitDeny");
    assert.equal(await item.getAttribute("data-outcome"), "deny-match");
    assert.ok((await page.locator(".editor-panel:not([hidden]) .cm-line.cm-stmt-deny-match").count()) > 0);
    assert.equal(await page.locator(".editor-panel:not([hidden]) .cm-line.cm-stmt-allow-match").count(), 0);
  });
});

test("a statement's detail explains each element, and a reason links to its statement", async () => {
  await withPage(async (page) => {
    await loadExample(page, "03-deny-outside-vpc-endpoint");
    await waitForDecision(page, "explicitDeny");
    await page.click('#reasons [data-policy="repository"][data-statement-link="1"]');
    await page.waitForSelector('.editor-panel:not([hidden]) .cm-line.cm-stmt-focus[data-statement="1"]');
    const detail = await page.locator("#statement-detail").innerText();
    assert.match(detail, /StringNotEquals aws:SourceVpce/);
    assert.match(detail, /the request does not have this key/);
    assert.equal(await page.getAttribute('#statements [data-policy="repository"][data-statement="1"]', "data-outcome"), "deny-match");

    await page.locator(".editor-panel:not([hidden]) .cm-el-match").first().hover();
    await page.waitForSelector(".element-tip");

    await page.locator('.editor-panel:not([hidden]) .cm-line[data-statement="0"]').nth(1).click();
    await page.waitForSelector('#statements .is-selected[data-policy="repository"][data-statement="0"]');
    assert.match(await page.locator("#statement-detail h3").innerText(), /statement AllowAccount/);
    assert.equal(await page.locator("#statement-detail h3 code").innerText(), "AllowAccount");
  });
});

test("broken JSON shows the error at its line and leaves the other editors intact", async () => {
  await withPage(async (page) => {
    await loadExample(page, "01-cross-account-pull");
    await waitForDecision(page, "allowed");
    await selectTab(page, "pull-shared-images");
    const identityBefore = await editorText(page);
    await selectTab(page, "Repository policy");
    const lines = (await editorText(page)).split("\n");
    const broken = lines.findIndex((line) => line.includes('"Effect"'));
    lines[broken] = lines[broken].replace(/,$/, "");
    await setEditorText(page, lines.join("\n"));

    // The last good result stays, out of date, while the JSON does not parse.
    await page.waitForSelector('#decision[data-stale="true"][data-decision="allowed"]');
    const finding = page.locator('#findings [data-policy="repository"][data-severity="error"]').first();
    await finding.waitFor();
    const line = Number(await finding.getAttribute("data-line"));
    assert.ok(line === broken + 1 || line === broken + 2, `error reported at line ${line}, the comma is missing at the end of line ${broken + 1}`);
    await page.waitForSelector(".editor-panel:not([hidden]) :is(.cm-lintRange-error, .cm-lintPoint-error)", { state: "attached" });
    await page.waitForSelector(".editor-panel:not([hidden]) .cm-lint-marker-error");
    await page.waitForSelector('[role=tab][data-kind="repository"] .tab-errors');
    assert.equal(await page.locator('[role=tab][data-kind="identity"] .tab-errors').count(), 0);
    assert.equal(await page.locator('#findings [data-policy="identity:0"][data-severity="error"]').count(), 0);

    await selectTab(page, "pull-shared-images");
    assert.equal(await editorText(page), identityBefore);
  });
});

test("the all-actions view decides every repository action and a click selects one", async () => {
  await withPage(async (page) => {
    await loadExample(page, "01-cross-account-pull");
    await waitForDecision(page, "allowed");
    await page.click("#result-tab-matrix");
    await page.waitForSelector("#matrix-view tr[data-decision]");
    const rows = await page.locator("#matrix-view tr[data-decision]").count();
    assert.ok(rows >= 20, `only ${rows} actions`);
    assert.equal(await page.getAttribute('#matrix-view tr[data-action="ecr:BatchGetImage"]', "data-decision"), "allowed");
    assert.equal(await page.getAttribute('#matrix-view tr[data-action="ecr:PutImage"]', "data-decision"), "implicitDeny");

    await page.click('#matrix-view tr[data-action="ecr:PutImage"] button');
    await waitForDecision(page, "implicitDeny");
    assert.equal(await page.inputValue("#action-input"), "ecr:PutImage");
    await page.waitForSelector('#matrix-view tr[data-action="ecr:PutImage"][aria-current="true"]');
  });
});

test("the request panel: presets, the action catalogue and context keys drive the decision", async () => {
  await withPage(async (page) => {
    await loadExample(page, "03-deny-outside-vpc-endpoint");
    await waitForDecision(page, "explicitDeny");
    assert.equal(await page.inputValue("#principal-preset"), "session");
    const missing = page.locator('#missing-keys [data-key="aws:SourceVpce"] button:text-is("Add to context")');
    await missing.click();
    await page.locator(".context-row:last-of-type .context-value").fill("vpce-0a1b2c3d4e5f67890");
    await waitForDecision(page, "allowed");

    await page.fill("#action-input", "initiate layer upload");
    await page.waitForSelector('#action-listbox [data-action="ecr:InitiateLayerUpload"]');
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    assert.match(await page.inputValue("#action-input"), /^ecr:.*LayerUpload$/);
    await waitForDecision(page, "implicitDeny");

    await page.selectOption("#principal-preset", "anonymous");
    assert.equal(await page.inputValue("#principal-input"), "anonymous");
    await waitForDecision(page);
    await page.waitForSelector('.context-derived [data-key="aws:PrincipalType"]');
  });
});

test("policy tabs: add, rename and remove an identity policy", async () => {
  await withPage(async (page) => {
    await page.click(".add-menu summary");
    await page.click('.add-menu .menu-item:text-is("Identity policy")');
    await page.click('.editor-toolbar button:text-is("Rename")');
    await page.fill("#prompt-input", "renamed-policy");
    await page.click('dialog[data-dialog="prompt"] button[value="ok"]');
    await page.waitForSelector('[role=tab] .tab-name:text-is("renamed-policy")');
    await page.click('.editor-toolbar button:text-is("Remove")');
    await page.click('dialog[data-dialog="confirm"] button[value="confirm"]');
    await page.waitForSelector('[role=tab] .tab-name:text-is("renamed-policy")', { state: "detached" });

    await page.click(".add-menu summary");
    await page.click('.add-menu .menu-item:text-is("Permissions boundary")');
    await page.waitForSelector('[role=tab][data-kind="boundary"][aria-selected="true"]');
    await page.click(".add-menu summary");
    await page.click('.add-menu .menu-item:has-text("SCP level")');
    await page.waitForSelector('[role=tab][data-kind="scp"][aria-selected="true"]');
    await waitForDecision(page);
    await page.waitForSelector('#statements [data-policy="scp:0:0"]');
  });
});

test("reload keeps the work, and reset asks first", async () => {
  await withPage(async (page) => {
    await loadExample(page, "09-boundary-pitfall");
    await waitForDecision(page, "implicitDeny");
    await selectTab(page, "deployer-ecr");
    const text = (await editorText(page)).replace('"AllEcr"', '"AllEcrEdited"');
    await setEditorText(page, text);
    // Autosave writes after a pause in typing; reload once the edit is in storage.
    await page.waitForFunction((key) => window.localStorage.getItem(key)?.includes("AllEcrEdited"), SAVED_KEY);
    await page.reload();
    await waitForDecision(page, "implicitDeny");
    await page.waitForSelector('[role=tab][data-kind="boundary"]');
    await selectTab(page, "deployer-ecr");
    assert.match(await editorText(page), /AllEcrEdited/);

    await page.click("#reset");
    await page.click('dialog[data-dialog="confirm"] button[value="cancel"]');
    assert.equal(await page.locator('[role=tab][data-kind="boundary"]').count(), 1);
    await page.click("#reset");
    await page.click('dialog[data-dialog="confirm"] button[value="confirm"]');
    await page.waitForSelector('[role=tab][data-kind="boundary"]', { state: "detached" });
    await page.click('#notice button:text-is("Restore previous work")');
    await page.waitForSelector('[role=tab][data-kind="boundary"]');
  });
});

test("the main view has no accessibility violations, in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    await withPage(async (page) => {
      await loadExample(page, "03-deny-outside-vpc-endpoint");
      await waitForDecision(page, "explicitDeny");
      await page.click('#statements [data-policy="repository"][data-statement="1"] button');
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${colorScheme}: ${JSON.stringify(violations, null, 2)}`);
    }, { colorScheme });
  }
});

test("keyboard: the help panel lists the shortcuts and they work", async () => {
  await withPage(async (page) => {
    await page.locator("body").press("?");
    await page.waitForSelector('dialog[data-dialog="help"] kbd');
    await page.keyboard.press("Escape");
    await page.keyboard.press("Alt+Shift+A");
    await page.waitForSelector("#matrix-view:not([hidden]) tr[data-decision]");
    await page.keyboard.press("Alt+Shift+E");
    await page.waitForSelector('dialog[data-dialog="gallery"]');
  });
});

test("nothing leaves the page while it is used, and the screenshots are saved", async () => {
  const shots = [
    ["light", { colorScheme: "light" }],
    ["dark", { colorScheme: "dark" }],
    ["narrow", { colorScheme: "light", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ];
  for (const [name, options] of shots) {
    await withPage(async (page, session) => {
      await loadExample(page, "03-deny-outside-vpc-endpoint");
      await waitForDecision(page, "explicitDeny");
      await page.click('#statements [data-policy="repository"][data-statement="1"] button');
      await page.waitForSelector('#statements [data-policy="repository"][data-statement="1"] button[aria-pressed="true"]');
      await page.waitForSelector('.editor-panel:not([hidden]) .cm-line.cm-stmt-focus[data-statement="1"]');
      await page.screenshot({ path: join(SCREENSHOTS, `playground-${name}.png`), fullPage: name === "narrow" });
      const origin = new URL(env.url).origin;
      assert.ok(session.requests.length > 0);
      assert.deepEqual(session.requests.filter((url) => new URL(url).origin !== origin), []);
    }, options);
  }
});
