// Bolt runs the middleware chain of every registered listener for every request it receives: a
// slash command also goes through the chain of each button listener, only to be turned away by
// it. With one listener per button that was half of the listener chains of every command (an
// allocation profile of a burst of /cagnotte status put Bolt's per-listener work at a sixth of all
// memory allocated). So the buttons share one Bolt listener, which picks the handler by action_id.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";

type Args<A extends BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;
type Handler<A extends BlockAction> = (args: Args<A>) => Promise<void>;

export interface BlockActions {
  /** Handles the clicks whose action_id is `id` (or matches it). */
  on<A extends BlockAction = BlockAction<ButtonAction>>(id: string | RegExp, handler: Handler<A>): void;
}

export function blockActions(app: App): BlockActions {
  const routes: { id: string | RegExp; handler: Handler<BlockAction> }[] = [];
  // search, not test: a pattern's global or sticky flag would make test() remember where it stopped.
  const matches = (id: string | RegExp, actionId: string) => (typeof id === "string" ? id === actionId : actionId.search(id) !== -1);
  app.action({ type: "block_actions" }, async (args) => {
    const actionId = (args.action as { action_id?: string }).action_id ?? "";
    const route = routes.find((r) => matches(r.id, actionId));
    // A click nobody handles (a link button: Slack reports it too) is acknowledged and nothing more.
    if (!route) {
      await args.ack();
      return;
    }
    await route.handler(args as Args<BlockAction>);
  });
  return {
    on(id, handler) {
      routes.push({ id, handler: handler as Handler<BlockAction> });
    },
  };
}
