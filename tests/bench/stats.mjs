// Medians, for Node.js and for the Chromium benchmark page alike (plain JavaScript, no Node imports).

/** The median of numbers (null when there are none). */
export function median(values) {
  const present = values.filter((value) => typeof value === "number" && Number.isFinite(value));
  if (present.length === 0) return null;
  const sorted = [...present].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of each field of a list of objects: `{field: median}`. */
export function medians(runs, fields) {
  return Object.fromEntries(fields.map((field) => [field, median(runs.map((run) => run[field]))]));
}
