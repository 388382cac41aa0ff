/**
 * Nesting depth of JSON text without parsing it, so a hostile document ([[[[…]]]] a million
 * deep) is refused with a reason before JSON.parse or any recursive walk sees it.
 */
export function jsonDepthExceeds(text: string, cap: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > cap) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
