// TEMPORARY STUB (branch charts-exports): the dashboard's session check is written by the
// "dashboard" engineer under this name and signature. Until it is merged, nobody has a session, so
// every request is refused: the exports mounted behind it cannot be reached. Delete this file when
// merging theirs.
import type { RequestHandler } from "express";
import type { AppContext } from "../../../app/context.js";
import type { Locale } from "../../../core/model.js";

export interface DashboardLocals {
  personId: string;
  locale: Locale;
}

export function requireDashboardSession(_ctx: AppContext): RequestHandler {
  return (_req, res) => {
    // not user-facing: placeholder until the dashboard's sign-in is merged
    res.status(401).type("text/plain").send("sign in first");
  };
}
