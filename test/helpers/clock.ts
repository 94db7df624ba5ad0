// The suite's "today". Fixed, so that no test and no seeded fact (months paid, ages) moves with the machine's date;
// the template database is seeded at this instant and every test app's clock starts here.
// Tests about particular days (1 January, 29 February) set their own clock.
export const TEST_NOW = new Date("2026-11-18T10:00:00+08:00");
