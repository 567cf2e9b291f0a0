// The engine's words as the page shows them: `code spans` as code, and the rule book's source keys
// (EVAL, XACCT, …) as links to that rule on the rule page (rules.html, made from the rule book at build
// time), so a code at the end of a sentence is one click from what it means.

import ruleKeys from "virtual:rule-keys";
import { el } from "./dom";

const RULE_KEYS = new Set(ruleKeys);

/** The address of a rule on the rule page. */
export function ruleHref(key: string): string {
  return `./rules.html#rule-${key}`;
}

/** `text` as nodes: backticked spans as `<code>`, rule keys as links, the rest as text. */
export function richText(text: string): (Node | string)[] {
  return text.split("`").flatMap((part, index) => {
    if (part === "") return [];
    if (index % 2 === 1) return [el("code", { text: part })];
    return linkRuleKeys(part);
  });
}

/** Plain text with each rule key that the rule book defines made a link. */
function linkRuleKeys(text: string): (Node | string)[] {
  const nodes: (Node | string)[] = [];
  let rest = 0;
  for (const match of text.matchAll(/\b[A-Z][A-Z0-9]+\b/g)) {
    const key = match[0];
    if (!RULE_KEYS.has(key)) continue;
    nodes.push(text.slice(rest, match.index));
    nodes.push(el("a", { class: "rule-link", href: ruleHref(key), target: "_blank", rel: "noopener", title: `The rule book: ${key}` }, [key]));
    rest = match.index + key.length;
  }
  nodes.push(text.slice(rest));
  return nodes.filter((node) => node !== "");
}
