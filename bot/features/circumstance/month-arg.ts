// A month as a button carries it: yyyymm, a year from 2000 to 2099 and a month from 01 to 12.
import { z } from "zod";

export const monthArg = z
  .string()
  .regex(/^20\d{2}(0[1-9]|1[0-2])$/)
  .transform(Number);
