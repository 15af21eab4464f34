/**
 * replaceText / findText semantics.
 *
 * Body.replaceText (https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)):
 * "Replaces all occurrences of a given text pattern with a given replacement string, using regular
 * expressions. The search pattern is passed as a string, not a JavaScript regular expression object
 * ... This methods uses Google's RE2 regular expression library, which limits the supported syntax.
 * The provided regular expression pattern is independently matched against each text block contained
 * in the current element." findText (same page): "A subset of the JavaScript regular expression
 * features are not fully supported, such as capture groups and mode modifiers."
 *
 * Modelled:
 * - the pattern is matched against each Text element's whole text on its own, whatever its formatting
 *   runs: a placeholder split across bold and plain runs is found; a match never spans two Text
 *   elements or two paragraphs (tanaikech, "Replacing Multiple Paragraphs using a Regex with Google
 *   Apps Script": replaceText cannot replace across paragraphs);
 * - case-sensitive; a leading "(?i)" switches case off (RE2 syntax);
 * - RE2 has no look-around and no back-references: such patterns are refused;
 * - the replacement takes the formatting of the first character it replaces (ASSUMPTION: widely
 *   reported behaviour, not on the reference page);
 * - the replacement is literal by default; DocumentStore.settings.replacementSemantics = 'java' reads
 *   `$n` and `\` as Java's Matcher.replaceAll does. The page documents neither (ASSUMPTION both ways):
 *   product code should not pass user data containing `$` or `\` through replaceText.
 * - zero-length matches are skipped (ASSUMPTION).
 */
import { DocNode, replaceRange, runsText } from './model';

export interface Match {
  start: number;
  /** Exclusive. */
  end: number;
  groups: Array<string | undefined>;
}

export class PatternError extends Error {}

/** Compiles an RE2-style pattern string into a global JS RegExp; refuses what RE2 lacks. */
export function compilePattern(pattern: string): RegExp {
  let source = pattern;
  let flags = 'g';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  if (/\(\?<?[=!]/.test(source)) {
    throw new PatternError(`RE2 has no look-around assertions: ${pattern}`);
  }
  if (/(^|[^\\])\\[1-9]/.test(source)) {
    throw new PatternError(`RE2 has no back-references: ${pattern}`);
  }
  if (/\(\?[a-zA-Z]/.test(source)) {
    throw new PatternError(`mode modifiers are not supported here: ${pattern}`);
  }
  try {
    return new RegExp(source, flags);
  } catch {
    throw new PatternError(`invalid regular expression: ${pattern}`);
  }
}

export function findMatches(text: string, re: RegExp, from = 0): Match[] {
  const out: Match[] = [];
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (!m) break;
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      if (re.lastIndex > text.length) break;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, groups: [...m] });
  }
  return out;
}

/** The replacement text of one match under Java's Matcher rules ($n groups, \ escapes). */
export function javaReplacement(replacement: string, m: Match): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i] as string;
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) throw new PatternError('character to be escaped is missing');
      out += replacement.charAt(i);
    } else if (ch === '$') {
      const d = replacement[i + 1];
      if (d === undefined || !/[0-9]/.test(d)) throw new PatternError('Illegal group reference');
      const n = Number(d);
      if (n >= m.groups.length) throw new PatternError(`No group ${n}`);
      out += m.groups[n] ?? '';
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Replaces every match in one Text node; returns how many were replaced. */
export function replaceInText(
  node: DocNode,
  re: RegExp,
  replacement: string,
  semantics: 'literal' | 'java',
): number {
  const text = runsText(node.runs);
  const matches = findMatches(text, re);
  // Right to left so earlier offsets stay valid.
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i] as Match;
    const rep = semantics === 'java' ? javaReplacement(replacement, m) : replacement;
    replaceRange(node, m.start, m.end, rep);
  }
  return matches.length;
}
