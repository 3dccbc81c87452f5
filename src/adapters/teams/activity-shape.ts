// botbuilder reads the activity before it checks who sent it, and throws on a body that is not an
// object with a string `type` (a JSON array, `{}`): a 500 to anyone on the internet. Such a body is
// never an activity, so it is refused here with 400 before botbuilder sees it.
import type { RequestHandler } from "express";

export const refuseNonActivity: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  const isActivity = !!body && typeof body === "object" && !Array.isArray(body) && typeof (body as { type?: unknown }).type === "string";
  // not user-facing: the Bot Connector's protocol error (English, like the docs)
  if (!isActivity) res.status(400).json({ error: "bad-request", message: "the body is not a Bot Framework activity" });
  else next();
};
