// Puppet errors in SendFailure terms. Puppets throw plain Errors, so the words are all there is to go on; when in
// doubt a failure is transient, because the delivery worker retrying a lost contact costs less than giving up
// on a reachable one.
import { SendError } from "../../core/types.ts";

const NOT_FOUND = /not (be )?found|not exists?|no payload|no such|invalid (contact|room|user)/i;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function transient(error: unknown): SendError {
  if (error instanceof SendError) return error;
  return new SendError({ kind: "transient", reason: messageOf(error) });
}

/** A failed lookup of a contact or room: permanent when the puppet says it does not know the id. */
export function lookupFailure(chatId: string, error: unknown): SendError {
  return NOT_FOUND.test(messageOf(error))
    ? new SendError({ kind: "permanent", reason: `wechat conversation ${chatId} not found` })
    : transient(error);
}
