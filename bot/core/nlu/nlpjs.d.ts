// The part of NLP.js (which ships no types) that the intent model uses.
declare module "@nlpjs/nlu" {
  export interface NluClassification {
    intent: string;
    score: number;
  }
  export class NluNeural {
    constructor(settings?: Record<string, unknown>);
    train(corpus: { utterance: string; intent: string }[]): Promise<unknown>;
    process(utterance: string): Promise<{ classifications: NluClassification[] }>;
    prepare(text: unknown, settings?: unknown): Promise<unknown>;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
}
