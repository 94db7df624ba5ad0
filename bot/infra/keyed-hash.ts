// Keyed hashes for the ID-card number and one-time codes: we can match them, nobody can read them back.
import { createHmac, timingSafeEqual } from "node:crypto";

export function keyedHash(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value.trim().toUpperCase()).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
