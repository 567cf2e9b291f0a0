// Hostile input on the page: markup and script in policy text, Sids, tab names, context keys
// and values, and `javascript:` URLs, typed in or arriving through a link or a file, render as text
// everywhere (editors, statements, reasons, details, findings, matrix, context table, notices, share
// dialogs, embed view) and never run. The CSP meta is there, strict, and blocks an injected script.

import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { editorText, REPO_ROOT, selectTab, setEditorText, start, waitForDecision, withPage } from "./harness.mjs";
import { linkFor } from "./links.mjs";
import { openShare } from "./page-state.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const IMG = '</textarea><img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=1</script>";
const JS_URL = "javascript:window.__pwned=1";
const TAG_KEY = "aws:PrincipalTag/<img src=x onerror=window.__pwned=1>";
const NAME = `"><script>window.__pwned=1</script>`;

/** A repository policy that is evaluated (hostile Sids are only warnings there) and allows the request. */
const REPOSITORY = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [
      { Sid: IMG, Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", Condition: { StringEquals: { [TAG_KEY]: SCRIPT, "aws:Referer": JS_URL } } },
      { Sid: SCRIPT, Effect: "Deny", Principal: "*", Action: "ecr:PutImage" },
    ],
  },
  null,
  2,
);
const IDENTITY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Pull", Effect: "Allow", Action: "ecr:BatchGetImage", Resource: "*" }] }, null, 2);
/** Broken JSON full of markup: its findings carry it into the findings list and the banner. */
const BROKEN = `{"Version": "2012-10-17", "Statement": [{"Sid": "${SCRIPT}", "Effect": "${IMG}"`;

const REQUEST = {
  principal: "arn:aws:iam::111122223333:user/alice",
  action: "ecr:BatchGetImage",
  resource: "arn:aws:ecr:us-east-1:111122223333:repository/app",
  context: { [TAG_KEY]: SCRIPT, "aws:Referer": JS_URL, [IMG]: JS_URL },
};

/** The hostile scenario: evaluated, or with a broken policy as well. */
function hostileScenario(broken) {
  const identityPolicies = [{ name: IMG, policy: IDENTITY }, ...(broken ? [{ name: SCRIPT, policy: BROKEN }] : [])];
  return { name: NAME, description: `${SCRIPT} ${JS_URL}`, repositoryPolicy: REPOSITORY, identityPolicies, request: REQUEST };
}

/**
 * Nothing injected ran or became live markup: no flag, image, inline script, handler or javascript: URL.
 * CodeMirror's own `img.cm-widgetBuffer` (no source, beside the lint mark of an empty range at a line's
 * end) is not an injected image.
 */
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    images: document.querySelectorAll("img:not(.cm-widgetBuffer), img[src]").length,
    inlineScripts: Array.from(document.scripts).filter((script) => !script.src).length,
    handlers: Array.from(document.querySelectorAll("*")).filter((node) => Array.from(node.attributes).some((attribute) => attribute.name.toLowerCase().startsWith("on"))).length,
    javascriptUrls: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length,
  }));
  assert.deepEqual(found, { pwned: "undefined", images: 0, inlineScripts: 0, handlers: 0, javascriptUrls: 0 }, where);
}

/**
 * The playground shows the evaluated hostile scenario as text in every view, and nothing runs.
 * `contextKeys` are the context table's keys in its order: as typed, or for a scenario read from a link
 * or a file, sorted, the order the engine's scenario reader gives a context in.
 */
async function checkPlayground(page, contextKeys = Object.keys(REQUEST.context)) {
  await waitForDecision(page, "allowed");
  assert.ok((await page.locator("#statements").innerText()).includes(IMG));
  assert.ok((await page.locator("#statements").innerText()).includes(SCRIPT));
  assert.ok((await page.locator("#reasons").innerText()).includes(IMG));
  assert.ok((await page.locator("#findings").innerText()).includes(IMG));
  assert.ok((await page.locator("[role=tab] .tab-name").allInnerTexts()).includes(IMG));
  assert.deepEqual(await page.locator(".context-rows .context-key").evaluateAll((inputs) => inputs.map((input) => input.value)), contextKeys);
  await page.click('#statements [data-policy="repository"][data-statement="0"] button');
  const detail = await page.locator("#statement-detail").innerText();
  assert.ok(detail.includes(TAG_KEY) && detail.includes(SCRIPT), detail);
  await selectTab(page, "Repository policy");
  assert.equal(await editorText(page), REPOSITORY);
  await page.locator(".editor-panel:not([hidden]) .cm-el-match").first().hover();
  await page.waitForSelector(".element-tip");
  await assertInert(page, "explanation, detail and tooltip");
  await page.click("#result-tab-matrix");
  await page.waitForSelector("#matrix-view tr[data-decision]");
  await assertInert(page, "all actions");
  await page.click("#result-tab-explain");
}

test("markup and script typed into policies, Sids, tab names, keys and values render as text and never run", async () => {
  await withPage(env, async (page) => {
    await setEditorText(page, REPOSITORY);
    await selectTab(page, "app-role-policy");
    await setEditorText(page, IDENTITY);
    await page.click('.editor-toolbar button:text-is("Rename")');
    await page.fill("#prompt-input", IMG);
    await page.click('dialog[data-dialog="prompt"] button[value="ok"]');
    for (const [key, value] of Object.entries(REQUEST.context)) {
      await page.click(".context-table .add-row");
      const row = page.locator(".context-rows .context-row").last();
      await row.locator(".context-key").fill(key);
      await row.locator(".context-value").fill(value);
    }
    await page.fill("#principal-input", REQUEST.principal);
    await checkPlayground(page);

    await page.fill("#principal-input", SCRIPT);
    await waitForDecision(page, "invalid");
    assert.ok((await page.locator("#request-panel .request-errors").innerText()).includes(SCRIPT));
    await assertInert(page, "request errors");
    await page.fill("#principal-input", REQUEST.principal);

    await page.click(".add-menu summary");
    await page.click('.add-menu .menu-item:text-is("Identity policy")');
    await setEditorText(page, BROKEN);
    // The last good result stays, out of date, while the new policy does not parse.
    await page.waitForSelector('#decision[data-stale="true"]');
    assert.ok((await page.locator("#findings").innerText()).includes(SCRIPT));
    await assertInert(page, "findings of a broken policy");

    const share = await openShare(page);
    assert.ok(share.text.startsWith(`${env.url}#s=1.`));
    await assertInert(page, "share dialog");
  }, { permissions: ["clipboard-read", "clipboard-write"] });
});

test("markup and script arriving through a link render as text on the page, in dialogs and in the embed view", async () => {
  for (const broken of [false, true]) {
    const fragment = new URL(linkFor(env.url, hostileScenario(broken))).hash;
    await withPage(env, async (page) => {
      if (broken) {
        await waitForDecision(page, "invalid");
        assert.ok((await page.locator("#findings").innerText()).includes(SCRIPT));
        assert.ok((await page.locator("#result-panel").innerText()).includes(SCRIPT));
      } else {
        await checkPlayground(page, Object.keys(REQUEST.context).sort());
      }
      assert.ok((await page.locator("#notice").innerText()).includes(NAME));
      await assertInert(page, `playground, broken: ${broken}`);

      const { text: snippet } = await openShare(page, "#copy-embed");
      const parsed = await page.evaluate((markup) => {
        const template = document.createElement("template");
        template.innerHTML = markup;
        // The one script is the snippet's own height listener, which holds nothing of the scenario.
        const scripts = Array.from(template.content.querySelectorAll("script"), (script) => script.textContent);
        return { children: template.content.children.length, title: template.content.querySelector("iframe")?.getAttribute("title"), live: template.content.querySelectorAll("img").length, scripts: scripts.length, pwned: scripts.some((script) => script.includes("__pwned")) };
      }, snippet);
      assert.deepEqual(parsed, { children: 2, title: `ECR policy playground: ${NAME}`, live: 0, scripts: 1, pwned: false });
      await assertInert(page, "embed code dialog");

      await page.goto(`${env.url}?embed=1${fragment}`);
      await waitForDecision(page, broken ? "invalid" : "allowed");
      assert.equal(await page.locator("#embed-root h1").innerText(), NAME);
      const policies = await page.locator(".embed-policies").innerText();
      assert.ok(policies.includes(IMG) && policies.includes(SCRIPT) && policies.includes(JS_URL));
      assert.ok((await page.locator(".embed-request").innerText()).includes(TAG_KEY));
      if (!broken) assert.ok((await page.locator("#reasons").innerText()).includes(IMG));
      await assertInert(page, `embed view, broken: ${broken}`);
    }, { path: fragment, permissions: ["clipboard-read", "clipboard-write"] });
  }
});

test("markup and script in the scenarios of an opened file render as text in the chooser", async () => {
  const folder = mkdtempSync(join(tmpdir(), "ecr-e2e-"));
  const file = join(folder, "hostile.json");
  writeFileSync(file, JSON.stringify({ scenarios: [hostileScenario(false), { ...hostileScenario(true), name: IMG }] }));
  after(() => rmSync(folder, { recursive: true, force: true }));
  await withPage(env, async (page) => {
    await page.setInputFiles("#scenario-file", file);
    const dialog = page.locator('dialog[data-dialog="choose"]');
    await dialog.waitFor();
    assert.deepEqual(await dialog.locator("li.choice button").allInnerTexts(), [NAME, IMG]);
    await assertInert(page, "scenario chooser");
    await dialog.locator('li.choice[data-choice="0"] button').click();
    await checkPlayground(page, Object.keys(REQUEST.context).sort());
  });
});

/** The directives of a CSP, each with its sources. */
function directives(policy) {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

test("the server sends the page's CSP as a header, so that it also covers the analyses worker", async () => {
  let policy;
  await withPage(env, async (page) => {
    policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  });
  assert.ok(policy, "the page has a CSP meta");
  const worker = readdirSync(join(REPO_ROOT, "web", "dist", "assets")).find((name) => /^analyses-worker-.*\.js$/.test(name));
  assert.ok(worker, "the built page has its analyses worker");
  for (const path of ["", `assets/${worker}`]) {
    const response = await fetch(env.url + path);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-security-policy"), policy, `the policy of /${path}`);
  }
});

test("the CSP meta is strict in both modes and blocks an injected inline script", async () => {
  for (const path of ["", "?embed=1"]) {
    await withPage(env, async (page, session) => {
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      const csp = directives(policy);
      assert.deepEqual(csp.get("default-src"), ["'self'"]);
      assert.deepEqual(csp.get("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
      assert.deepEqual(csp.get("worker-src"), ["'self'"], "the analyses worker, from the page's own origin only");
      assert.deepEqual(csp.get("object-src"), ["'none'"]);
      assert.deepEqual(csp.get("base-uri"), ["'none'"]);
      assert.deepEqual(csp.get("form-action"), ["'none'"]);
      for (const [name, sources] of csp) {
        for (const source of sources) {
          assert.ok(!["*", "http:", "https:", "'unsafe-eval'"].includes(source), `${name} allows ${source}`);
          assert.ok(source.startsWith("'") || (name === "img-src" && source === "data:"), `${name} allows another origin: ${source}`);
        }
      }

      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__pwned = 1";
        document.body.append(script);
      });
      // The violation this test causes, as the harness's listener and as Chromium report it.
      const reported = (problem) => /^console error: CSP violation: script-src/.test(problem);
      const logged = (problem) => /^console error: .*inline script.*Content Security Policy/.test(problem);
      for (let tries = 0; tries < 40 && !(session.problems.some(reported) && session.problems.some(logged)); tries += 1) {
        await page.waitForTimeout(50);
      }
      assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
      assert.ok(session.problems.some(reported), `the injected script was not reported: ${JSON.stringify(session.problems)}`);
      // Anything else the recorder heard still fails the test.
      session.problems.splice(0, session.problems.length, ...session.problems.filter((problem) => !reported(problem) && !logged(problem)));
    }, { path });
  }
});
