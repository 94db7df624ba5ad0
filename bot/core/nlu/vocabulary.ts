// How a feature tells the classifier which words point at its intents.

export interface IntentWords {
  intent: string;
  /** Chinese words and phrases; longer ones weigh more. Matched on word boundaries, homophone typos allowed. */
  zh: string[];
  /** English words or phrases (all words of a phrase must appear); one-letter typos allowed in longer words. */
  en: string[];
}
