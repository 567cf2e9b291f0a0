// Embed mode: `?embed=1` renders a compact read-only view of a link, opens it in the
// playground, never reads or writes the saved work, posts its height to the parent page, copies inside
// an iframe without `clipboard-write`, and "Copy embed code" gives a snippet that shows the same thing.
// Host pages are set with `page.setContent`, so the iframe is cross-origin to its parent as in real docs.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axe, editorText, example, loadExample, SAVED_KEY, selectTab, setEditorText, start, waitForDecision, withPage } from "./harness.mjs";
import { HOSTILE_LINKS, linkFor } from "./links.mjs";
import { openShare } from "./page-state.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const HEIGHT = "ecr-policy-playground:height";

/**
 * A new page of `context` that holds `iframe` (markup) and records every height message it receives;
 * resolves to the page and its iframe once the embed shows a decision. The page is the initial
 * about:blank, so it has no CSP of its own and the iframe is cross-origin to it, as in real docs.
 */
async function hostPage(context, iframe) {
  const host = await context.newPage();
  await host.setContent(`<!doctype html><title>Docs</title><h1>Internal docs</h1>${iframe}
    <script>
      window.heights = [];
      window.addEventListener("message", (event) => {
        if (event.data && event.data.type === "${HEIGHT}") window.heights.push({ data: event.data, origin: event.origin });
      });
    </script>`);
  const frame = host.frames().find((candidate) => candidate !== host.mainFrame());
  await waitForDecision(frame);
  return { host, frame };
}

/** Waits for a height message that satisfies `check` and returns it. */
async function heightMessage(page, check) {
  const handle = await page.waitForFunction((source) => {
    const accept = new Function("height", `return ${source}`);
    return window.heights.find((message) => accept(message.data.height)) ?? false;
  }, check);
  return handle.jsonValue();
}

test("embed mode shows the link read-only, opens it in the playground and leaves the saved work alone", async () => {
  const fragment = new URL(linkFor(env.url, example("03-deny-outside-vpc-endpoint"))).hash;
  await withPage(env, async (page, session) => {
    await setEditorText(page, (await editorText(page)).replace('"AllowPull"', '"SavedWork"'));
    await waitForDecision(page);
    await page.goto(`${env.url}?embed=1${fragment}`);
    await waitForDecision(page, "explicitDeny");
    const saved = await page.evaluate((key) => window.localStorage.getItem(key), SAVED_KEY);
    assert.match(saved, /SavedWork/);

    assert.ok((await page.locator('.embed-line[data-outcome="deny-match"]').count()) > 0, "the denying statement is tinted");
    assert.ok((await page.locator('.embed-line[data-outcome="allow-match"]').count()) > 0, "the allowing statements are tinted");
    assert.match(await page.locator("#reasons").innerText(), /DenyOutsideVpce/);
    assert.match(await page.locator(".embed-request").innerText(), /ecr:BatchGetImage[\s\S]*aws:SourceIp/);
    assert.equal(await page.locator(".cm-editor, input, textarea, select, [contenteditable], [role=tab]").count(), 0, "nothing to edit");
    assert.equal(new URL(page.url()).hash, fragment, "the embed keeps its link");
    assert.deepEqual(await axe(page), [], "the embed view has no accessibility violations");

    const open = page.locator("#open-in-playground");
    assert.equal(await open.getAttribute("href"), env.url + fragment);
    assert.equal(await open.getAttribute("target"), "_blank");
    assert.equal(await page.evaluate((key) => window.localStorage.getItem(key), SAVED_KEY), saved, "embed mode saves nothing");

    await page.goto(`${env.url}?embed=1`);
    await waitForDecision(page);
    assert.doesNotMatch(await page.locator(".embed-policies").innerText(), /SavedWork/, "embed mode does not read the saved work");

    await page.goto(`${env.url}?embed=1${fragment}`);
    await waitForDecision(page, "explicitDeny");
    const [playground] = await Promise.all([session.context.waitForEvent("page"), open.click()]);
    await waitForDecision(playground, "explicitDeny");
    assert.equal(new URL(playground.url()).searchParams.get("embed"), null);
    await playground.waitForSelector('[role=tab] .tab-name:text-is("app-pull")');
    await playground.click('#notice button:text-is("Restore previous work")');
    await selectTab(playground, "Repository policy");
    assert.match(await editorText(playground), /SavedWork/);
  });
});

test("the embedded page posts its height to the parent on load and on resize", async () => {
  const src = linkFor(`${env.url}?embed=1`, example("01-cross-account-pull"));
  await withPage(env, async (_, session) => {
    const { host: page, frame } = await hostPage(session.context, `<iframe id="embed" src="${src}" title="Cross-account pull" style="width:900px;height:200px;border:0"></iframe>`);
    const first = await heightMessage(page, "height > 300");
    assert.deepEqual(Object.keys(first.data).sort(), ["height", "type"]);
    assert.equal(first.origin, new URL(env.url).origin);
    assert.ok(Number.isInteger(first.data.height));
    const rootHeight = await frame.evaluate(() => Math.ceil(document.getElementById("embed-root").getBoundingClientRect().height));
    assert.equal((await page.evaluate(() => window.heights.at(-1).data.height)), rootHeight);

    await page.evaluate(() => {
      document.getElementById("embed").style.width = "380px";
    });
    const narrow = await heightMessage(page, `height > ${first.data.height}`);
    await page.evaluate((height) => {
      document.getElementById("embed").style.height = `${height}px`;
    }, narrow.data.height);
    await frame.waitForFunction((height) => window.innerHeight === height, narrow.data.height);
    const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
    assert.ok(fits, "at the reported height the frame needs no scroll bar");
  }, { open: false });
});

test("copying inside an iframe without clipboard-write selects the link and says to press Ctrl+C", async () => {
  const src = linkFor(`${env.url}?embed=1`, example("01-cross-account-pull"));
  await withPage(env, async (_, session) => {
    const { frame } = await hostPage(session.context, `<iframe src="${src}" title="Cross-account pull" style="width:900px;height:700px"></iframe>`);
    await frame.click("#copy-link");
    await frame.waitForSelector('#share-status:has-text("press Ctrl+C")');
    const selection = await frame.evaluate(() => {
      const area = document.activeElement;
      return { id: area.id, whole: area.selectionStart === 0 && area.selectionEnd === area.value.length, value: area.value };
    });
    assert.deepEqual(selection, { id: "share-text", whole: true, value: src.replace("?embed=1", "") });
  }, { open: false, permissions: ["clipboard-read", "clipboard-write"] });
});

test("copy embed code gives an iframe snippet that shows the same decision", async () => {
  await withPage(env, async (page, session) => {
    await loadExample(page, "03-deny-outside-vpc-endpoint");
    await waitForDecision(page, "explicitDeny");
    const { text: snippet, status } = await openShare(page, "#copy-embed");
    assert.match(status, /Copied/);
    const iframe = await page.evaluate((markup) => {
      const template = document.createElement("template");
      template.innerHTML = markup;
      const frames = template.content.querySelectorAll("iframe");
      const frame = frames[0];
      const script = template.content.querySelector("script")?.textContent ?? "";
      return { count: template.content.children.length, frames: frames.length, src: frame.getAttribute("src"), title: frame.getAttribute("title"), loading: frame.getAttribute("loading"), style: frame.getAttribute("style"), script };
    }, snippet);
    // The frame, and the script that sizes it from the height messages of the frame's origin only.
    assert.equal(iframe.count, 2);
    assert.match(iframe.script, /ecr-policy-playground:height/);
    assert.ok(iframe.script.includes(`event.origin !== ${JSON.stringify(new URL(env.url).origin)}`), iframe.script);
    assert.equal(iframe.frames, 1);
    assert.ok(iframe.src.startsWith(`${env.url}?embed=1#s=1.`), iframe.src);
    assert.equal(iframe.title, "ECR policy playground: Deny outside a VPC endpoint");
    assert.equal(iframe.loading, "lazy");
    assert.match(iframe.style, /width:100%;height:\d+px/);

    const { host, frame } = await hostPage(session.context, snippet);
    assert.equal(await frame.getAttribute("#decision", "data-decision"), "explicitDeny");
    await heightMessage(host, "height > 0");
  }, { permissions: ["clipboard-read", "clipboard-write"] });
});

test("a bad link in embed mode gives the alert, not a blank frame", async () => {
  await withPage(env, async (page) => {
    for (const { kind, fragment, message } of HOSTILE_LINKS) {
      await page.goto("about:blank");
      await page.goto(`${env.url}?embed=1${fragment}`);
      const alert = page.locator('#embed-root [role="alert"]');
      await alert.waitFor();
      assert.match(await alert.innerText(), message, kind);
      assert.equal(await page.locator("#open-in-playground").count(), 1, kind);
    }
  }, { open: false });
});
