"use client";

import { useEffect, useState } from "react";

/** The value, once it has stopped changing for `ms`: typing in the mapping does not fire a preview per keystroke. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
