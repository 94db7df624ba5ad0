// A WeChat account in a box for channel tests: wechaty-puppet-mock with the bot, people and rooms. People say
// things to the bot, write in rooms and send friend requests; everything the bot sends is recorded with the time.
import { FileBox } from "file-box";
import { types, type Wechaty } from "wechaty";
import { mock, PuppetMock } from "wechaty-puppet-mock";

export type MockContact = mock.ContactMock;
export type MockRoom = mock.RoomMock;

export interface SentMessage {
  /** The contact or room it went to. */
  to: string;
  text?: string;
  image?: Buffer;
  /** The name of a sent file (an image's bytes and a document's both arrive in `image`). */
  fileName?: string;
  /** performance.now() when the puppet sent it. */
  at: number;
}

const WAIT_MS = 15_000;
const FOUR_PER_EM_SPACE = "\u2005";

/** PuppetMock with friend requests it can be told about and a record of the ones the bot accepted. */
class FakePuppet extends PuppetMock {
  readonly requests = new Map<string, { id: string; contactId: string; hello: string }>();
  readonly accepted: string[] = [];

  override async friendshipRawPayload(id: string) {
    const request = this.requests.get(id);
    if (!request) throw new Error(`no friend request ${id}`);
    return { ...request, timestamp: Date.now(), ticket: `ticket-${id}`, type: types.Friendship.Receive };
  }

  override async friendshipAccept(friendshipId: string) {
    this.accepted.push(friendshipId);
    const request = this.requests.get(friendshipId);
    if (request) {
      this.mocker.contactPayload(request.contactId, { ...this.mocker.contactPayload(request.contactId), friend: true });
    }
  }
}

export function createFakeWechat({ botName = "团助" } = {}) {
  const mocker = new mock.Mocker();
  const puppet = new FakePuppet({ mocker });
  const bot = mocker.createContact({ name: botName });
  const sent: SentMessage[] = [];
  const watchers = new Set<() => void>();
  let wechaty: Wechaty | undefined;
  let requests = 0;

  // The mock turns each send of the bot into a message event on the puppet, synchronously.
  puppet.on("message", ({ messageId }) => {
    const payload = mocker.cacheMessagePayload.get(messageId);
    if (!payload || payload.talkerId !== bot.id) return;
    const to = payload.roomId ?? payload.listenerId ?? "?";
    const file = mocker.cacheFileBoxPayload.get(payload.id);
    sent.push({
      to,
      at: performance.now(),
      ...(payload.text !== undefined ? { text: payload.text } : {}),
      ...(file && "base64" in file ? { image: Buffer.from(file.base64, "base64") } : {}),
      ...(file && "name" in file && typeof file.name === "string" ? { fileName: file.name } : {}),
    });
    for (const check of [...watchers]) check();
  });

  const connected = () => {
    if (!wechaty) throw new Error("call fake.connect(channel.wechaty) first");
    return wechaty;
  };

  /** Resolves once Wechaty has handed the event with this id to its listeners (the channel's come first). */
  function dispatched(event: "message" | "friendship", id: () => string | undefined): Promise<void> {
    const w = connected();
    return new Promise((resolve) => {
      const listener = (item: { id: string }) => {
        if (item.id !== id()) return;
        w.off(event, listener);
        resolve();
      };
      w.on(event, listener);
    });
  }

  /** Makes `contact` say something in a conversation and waits until Wechaty has delivered it. */
  async function say(
    contact: MockContact,
    something: string | FileBox,
    to: MockContact | MockRoom,
    mentions: MockContact[] = [],
  ) {
    let messageId: string | undefined;
    const delivered = dispatched("message", () => messageId);
    const grab = ({ messageId: id }: { messageId: string }) => {
      messageId = id;
    };
    puppet.once("message", grab);
    contact.say(something, mentions).to(to);
    await delivered;
  }

  function sentTo(id: string): SentMessage[] {
    return sent.filter((m) => m.to === id);
  }

  /** Resolves with everything sent to `id` once there are at least `count` such messages. */
  function waitForSent(id: string, count: number): Promise<SentMessage[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (sentTo(id).length < count) return;
        clearTimeout(timer);
        watchers.delete(check);
        resolve(sentTo(id));
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`expected ${count} messages to ${id}, got: ${JSON.stringify(sentTo(id))}`));
      }, WAIT_MS);
      watchers.add(check);
      check();
    });
  }

  return {
    mocker,
    puppet,
    bot,
    sent,
    /** Logs the bot in on the Wechaty the channel started with this puppet. */
    async connect(w: Wechaty) {
      wechaty = w;
      const loggedIn = new Promise<void>((resolve) => w.once("login", () => resolve()));
      mocker.login(bot);
      await loggedIn;
    },
    person(name: string, extra: { friend?: boolean } = {}): MockContact {
      return mocker.createContact({ name, friend: true, ...extra });
    },
    room(topic: string, members: MockContact[]): MockRoom {
      return mocker.createRoom({ topic, memberIdList: [bot.id, ...members.map((m) => m.id)] });
    },
    /** A private message to the bot. */
    userSays(contact: MockContact, text: string) {
      return say(contact, text, bot);
    },
    userSendsImage(contact: MockContact, png: Buffer) {
      return say(contact, FileBox.fromBase64(png.toString("base64"), "photo.png"), bot);
    },
    /** A message in a room, @-mentioning the bot (the way WeChat writes it: "@团助 " in the text) or not. */
    roomMessage(room: MockRoom, contact: MockContact, text: string, { mentionBot = false } = {}) {
      return mentionBot
        ? say(contact, `@${bot.payload.name}${FOUR_PER_EM_SPACE}${text}`, room, [bot])
        : say(contact, text, room);
    },
    /** A stranger asks to be friends with `hello` as the greeting; resolves once Wechaty has delivered it. */
    async friendRequest(hello: string, name = `陌生人${++requests}`) {
      const contact = mocker.createContact({ name, friend: false });
      const id = `friendship-${contact.id}`;
      puppet.requests.set(id, { id, contactId: contact.id, hello });
      const delivered = dispatched("friendship", () => id);
      puppet.emit("friendship", { friendshipId: id });
      await delivered;
      return { contact, friendshipId: id };
    },
    sentTo,
    waitForSent,
    /** Says `text` privately and resolves with the bot's next message to that person. */
    async ask(contact: MockContact, text: string): Promise<SentMessage> {
      const before = sentTo(contact.id).length;
      await say(contact, text, bot);
      return (await waitForSent(contact.id, before + 1))[before]!;
    },
  };
}

export type FakeWechat = ReturnType<typeof createFakeWechat>;
