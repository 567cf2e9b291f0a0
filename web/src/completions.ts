// Completions inside policy strings: ECR and ECR Public action names and condition keys from the engine's
// catalogue, condition operators, and the policy grammar's element names.

import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import { syntaxTree } from "@codemirror/language";
import type { Catalog } from "./types";

/** The elements and the fixed values of a policy, offered as keys and values. */
const ELEMENTS =
  "Version Id Statement Sid Effect Principal NotPrincipal Action NotAction Resource NotResource Condition Allow Deny 2012-10-17 AWS Service".split(" ");

const BASE_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
];

/** The completion options the catalogue and the grammar offer. */
export function completionOptions(catalog: Catalog | null): Completion[] {
  const options: Completion[] = ELEMENTS.map((label) => ({ label, type: "keyword" }));
  for (const operator of BASE_OPERATORS) {
    options.push({ label: operator, type: "function", detail: "operator" });
    options.push({ label: `${operator}IfExists`, type: "function", detail: "operator" });
    options.push({ label: `ForAllValues:${operator}`, type: "function", detail: "set operator" });
    options.push({ label: `ForAnyValue:${operator}`, type: "function", detail: "set operator" });
  }
  options.push({ label: "Null", type: "function", detail: "operator" });
  for (const service of catalog?.services ?? []) {
    options.push({ label: `${service.prefix}:*`, type: "variable", detail: service.name });
    for (const action of service.actions) {
      options.push({ label: `${action.service}:${action.name}`, type: "variable", detail: action.accessLevel, info: action.description });
    }
    for (const key of service.conditionKeys) {
      options.push({ label: key.name, type: "property", detail: key.valueType, info: key.description });
    }
  }
  for (const key of catalog?.globalConditionKeys ?? []) {
    if (!options.some((option) => option.label === key.name)) {
      options.push({ label: key.name, type: "property", detail: key.valueType, info: key.whenPresent ?? undefined });
    }
  }
  return options;
}

/** Completes the word under the cursor when it is inside a JSON string. */
export function policyCompletions(options: () => Completion[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (node.name !== "String" && node.name !== "PropertyName") return null;
    const word = context.matchBefore(/[\w:*${}/-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return { from: word.from, options: options(), validFor: /^[\w:*${}/-]*$/ };
  };
}
