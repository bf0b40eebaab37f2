/** The sentence after a finding's message that says which readers break on which data. */
import type { Impact, Side } from "./types.js";

export function describeImpacts(impacts: Impact[], oldLabel: string, newLabel: string): string {
  const parts: string[] = [];
  const order: Side[] = ["old-readers", "new-readers", "source"];
  for (const side of order) {
    const mine = impacts.filter((i) => i.side === side);
    if (mine.length === 0) continue;
    const items = mine.map((i) => `${i.targets.join(", ")} ${i.targets.length === 1 && i.targets[0] !== "validators" ? singular(i.why) : i.why}`);
    if (side === "source") {
      parts.push(`source: ${mine.map((i) => `${i.why} (${i.targets.join(", ")})`).join("; ")}`);
      continue;
    }
    const [readers, data] = side === "old-readers" ? [oldLabel, newLabel] : [newLabel, oldLabel];
    const verb = mine.some((i) => i.fails && !i.unproven) ? "breaks" : mine.some((i) => i.unproven) ? "may break" : "affects";
    parts.push(`${verb} ${readers} readers of ${data} data: ${items.join("; ")}`);
  }
  return parts.join("; ");
}

/** "reject null" → "rejects null", for a single target. */
function singular(why: string): string {
  const [verb, ...rest] = why.split(" ");
  if (!verb || ["may", "must", "can"].includes(verb)) return why;
  const s = /(s|sh|ch|x)$/.test(verb) ? `${verb}es` : `${verb}s`;
  return [s, ...rest].join(" ");
}
