// Long action names wrap between their words, never inside one: `ecr:Batch​Check​Layer​Availability`
// gets a break opportunity (<wbr>) after the colon and before each capital that starts a word.

/** `name` as text nodes with <wbr> between its words. */
export function breakableName(name: string): Node[] {
  return name
    .split(/(?<=:)|(?<=[a-z0-9])(?=[A-Z])/)
    .flatMap((word, index) => (index === 0 ? [document.createTextNode(word)] : [document.createElement("wbr"), document.createTextNode(word)]));
}
