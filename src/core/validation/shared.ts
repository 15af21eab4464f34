/** Small helpers the onEdit checkers share. */
import type { Unit } from '../model/unit';

/** A value made on first use and kept: a checker reads a list only if a cell needs it. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** How a unit is named in a hint: "DD (Đống Đa)". */
export const describeUnit = (u: Unit): string => `${u.code} (${u.name})`;
