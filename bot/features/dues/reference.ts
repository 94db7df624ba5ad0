// Payment reference codes a member quotes with a transfer: short, unambiguous when read aloud or retyped.
import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: codes are copied by hand into a bank transfer's remark. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 6;

/** "TF-7K3Q9A": 31^6 ≈ 887 million codes; a collision is caught by the unique index and drawn again. */
export function newReference(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `TF-${code}`;
}

export const REFERENCE_PATTERN = new RegExp(`^TF-[${ALPHABET}]{${LENGTH}}$`);
