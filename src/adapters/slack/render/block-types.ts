// Block Kit types (from @slack/types, re-exported by Bolt).
import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
export type ModalView = types.ModalView;
