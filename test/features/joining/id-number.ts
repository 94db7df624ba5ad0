// Made-up but well-formed 居民身份证号码 for tests: the 110101 area, a birth date, a sequence, the check character.
/** A valid ID number for a birth date (the check character computed as 公安部 does). */
export function idFor(birth: string, seq = "123"): string {
  const body = `110101${birth.replaceAll("-", "")}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return body + "10X98765432"[sum % 11];
}
