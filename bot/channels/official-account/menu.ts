// The account's custom menu, made from the catalogue so it says what /start's buttons say. Each item is a CLICK
// whose key is the same "go:<intent>" payload a button carries, so a tap is answered like a pressed button.
import type { Translate } from "../../core/i18n.ts";

/** WeChat's limits: 3 menus of at most 5 items; names of 16 and 60 bytes. */
const MENU_NAME_BYTES = 16;
const ITEM_NAME_BYTES = 60;

const layout: { name: string; items: [label: string, payload: string][] }[] = [
  {
    name: "start-oa-menu-mine",
    items: [
      ["start-menu-status", "go:membership.status"],
      ["start-menu-dues", "go:dues.status"],
      ["start-oa-menu-pay", "go:dues.pay"],
    ],
  },
  {
    name: "start-oa-menu-services",
    items: [
      ["start-menu-transfer", "go:transfer.start"],
      ["start-menu-activities", "go:activity.list"],
      ["start-menu-bind", "go:bind"],
    ],
  },
  {
    name: "start-oa-menu-more",
    items: [
      ["start-oa-menu-help", "go:help"],
      ["start-menu-language", "go:language"],
    ],
  },
];

export interface MenuButton {
  name: string;
  sub_button: { type: "click"; name: string; key: string }[];
}

function clipBytes(text: string, bytes: number): string {
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

export function officialAccountMenu(t: Translate): { button: MenuButton[] } {
  return {
    button: layout.map((menu) => ({
      name: clipBytes(t(menu.name), MENU_NAME_BYTES),
      sub_button: menu.items.map(([label, key]) => ({
        type: "click",
        name: clipBytes(t(label), ITEM_NAME_BYTES),
        key,
      })),
    })),
  };
}
