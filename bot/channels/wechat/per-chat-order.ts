// Messages from one chat are handled one after another (a "2" must see the choices "/lang" just offered);
// different chats run side by side.
export function createPerChatOrder() {
  const tails = new Map<string, Promise<void>>();
  return function inOrder<T>(chatKey: string, task: () => Promise<T>): Promise<T> {
    const result = (tails.get(chatKey) ?? Promise.resolve()).then(task);
    // A failed task must not hold up the chat's next message.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(chatKey, tail);
    void tail.then(() => {
      if (tails.get(chatKey) === tail) tails.delete(chatKey);
    });
    return result;
  };
}
