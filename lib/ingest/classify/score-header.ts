import { DURATION_UNIT_WORDS, HEADER_SYNONYMS, type HeaderTarget } from "./header-synonyms";
import { normalizeHeader, type NormalizedHeader } from "./normalize-header";

interface Synonym {
  target: HeaderTarget;
  tokens: string[];
  text: string;
}

let compiled: Synonym[] | null = null;

/** Words that alone say nothing about a column's role: never enough for a partial match. */
const GENERIC_TOKENS = new Set(["number", "numero", "phone", "id", "nummer", "rufnummer", "call"]);

/** A header naming the end of something is not the start, and the reverse. */
const END_WORDS = /^(end|ending|ended|stop|release|disconnect|hangup|fin|ende|fim|fine|finale?|last|letzte|terminated)$/;
const START_WORDS = /^(start|starting|started|begin|beginn|inicio|debut|inizio|first|1st|erste|connection|seizure|answer)$/;
const START_FIELDS: readonly HeaderTarget[] = ["start_time", "start_date", "start_clock", "cell_first"];
const END_FIELDS: readonly HeaderTarget[] = ["end_time", "cell_last"];

function synonyms(): Synonym[] {
  if (compiled) return compiled;
  compiled = [];
  for (const [target, list] of Object.entries(HEADER_SYNONYMS) as [HeaderTarget, readonly string[]][]) {
    for (const phrase of list) {
      const n = normalizeHeader(phrase);
      if (n.tokens.length > 0) compiled.push({ target, tokens: n.tokens, text: n.text });
    }
  }
  return compiled;
}

function containsAll(haystack: string[], needles: string[]): boolean {
  const pool = [...haystack];
  for (const n of needles) {
    const i = pool.indexOf(n);
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return true;
}

/** Words that turn a phrase into its opposite: a "Non-Charged Party" is not the charged party. */
const NEGATIONS = /^(non|not|nicht|sin|sans|nao|senza)$/;

/** How well one dictionary phrase matches a header, in [0,1]. */
function matchPhrase(h: NormalizedHeader, s: Synonym): number {
  if (h.text === s.text) return 1;
  if (h.tokens.length === 0) return 0;
  const negated = h.tokens.some((t) => NEGATIONS.test(t)) && !s.tokens.some((t) => NEGATIONS.test(t));
  return negated ? partialMatch(h, s) * 0.5 : partialMatch(h, s);
}

function partialMatch(h: NormalizedHeader, s: Synonym): number {
  // Run-together capitals ("CALLINGNUMBER", "BMSISDN", "CALLDURATION"): the phrase with its spaces dropped.
  if (h.tokens.length === 1 && s.tokens.length > 1 && h.tokens[0]!.length >= 6 && h.tokens[0] === s.tokens.join("")) return 0.95;
  if (containsAll(h.tokens, s.tokens)) {
    // One-letter phrases ("a", "b") and generic words only count as whole headers: they are too common as parts.
    if (s.tokens.length === 1 && (s.tokens[0]!.length <= 2 || GENERIC_TOKENS.has(s.tokens[0]!))) return 0;
    return 0.7 + 0.25 * (s.tokens.length / h.tokens.length);
  }
  if (containsAll(s.tokens, h.tokens) && h.tokens.some((t) => t.length > 2)) return 0.5 + 0.25 * (h.tokens.length / s.tokens.length);
  // German-style compounds: "Gesprächsdauer", "Zielrufnummer" end with a known word.
  if (h.tokens.length === 1 && s.tokens.length === 1 && s.tokens[0]!.length >= 5 && h.tokens[0]!.endsWith(s.tokens[0]!)) return 0.75;
  return 0;
}

export interface HeaderScore {
  /** Best phrase score per field (or `ignore`); fields with no match are absent. */
  scores: Map<HeaderTarget, number>;
  /** A duration unit stated by the header ("Duration (min)"). */
  durationUnit: "seconds" | "minutes" | "milliseconds" | null;
  normalized: NormalizedHeader;
}

export function scoreHeader(header: string): HeaderScore {
  const normalized = normalizeHeader(header);
  const scores = new Map<HeaderTarget, number>();
  for (const s of synonyms()) {
    const m = matchPhrase(normalized, s);
    if (m > (scores.get(s.target) ?? 0)) scores.set(s.target, m);
  }
  const saysEnd = normalized.tokens.some((t) => END_WORDS.test(t));
  const saysStart = normalized.tokens.some((t) => START_WORDS.test(t));
  if (saysEnd && !saysStart) for (const f of START_FIELDS) if (scores.has(f)) scores.set(f, scores.get(f)! * 0.5);
  if (saysStart && !saysEnd) for (const f of END_FIELDS) if (scores.has(f)) scores.set(f, scores.get(f)! * 0.5);
  // When a resource was created or updated is near the call's start, but a start column says it better.
  if (normalized.tokens.some((t) => /^(created|updated|modified)$/.test(t))) for (const f of START_FIELDS) if (scores.has(f)) scores.set(f, scores.get(f)! * 0.85);
  // A billed duration is rounded up to the billing increment: the call's own duration says it better.
  if (scores.has("duration_seconds") && normalized.tokens.some((t) => /^(billed|billing|billable)$/.test(t))) scores.set("duration_seconds", scores.get("duration_seconds")! * 0.9);
  let durationUnit: HeaderScore["durationUnit"] = null;
  for (const q of [...normalized.qualifiers, ...normalized.tokens]) {
    const unit = DURATION_UNIT_WORDS[q];
    if (unit && (q.length > 1 || normalized.qualifiers.includes(q))) {
      durationUnit = unit;
      break;
    }
  }
  return { scores, durationUnit, normalized };
}

/** The best-scoring field of a header, for tests and review messages. */
export function bestHeaderTarget(header: string): { target: HeaderTarget; score: number } | null {
  let best: { target: HeaderTarget; score: number } | null = null;
  for (const [target, score] of scoreHeader(header).scores) if (!best || score > best.score) best = { target, score };
  return best;
}
