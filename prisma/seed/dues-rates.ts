// The national dues table (中共中央组织部、团中央 2017): reference data every deployment needs, not demo data.
export const duesRates = [
  { category: "STUDENT", fixedFen: 20 },
  { category: "NO_INCOME", fixedFen: 20 },
  { category: "SALARIED", incomeFromFen: 0, incomeToFen: 200_000, fixedFen: 300 },
  { category: "SALARIED", incomeFromFen: 200_000, ratePer10k: 20, capFen: 2_000 },
] as const;

export const duesRatesEffectiveFrom = new Date(Date.UTC(2017, 0, 1));
