/** The source keys of the rule book (crates/engine/iam-semantics.md), made at build time by web/rule-book.ts. */
declare module "virtual:rule-keys" {
  const keys: string[];
  export default keys;
}
