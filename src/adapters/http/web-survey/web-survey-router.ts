// The web answer page at the survey link (`surveyUrl`): for requesters outside Slack and Teams,
// or who prefer a browser. The secret token in the link is the proof of being the requester.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import type { SurveyContext } from "../../../core/model.js";
import { answerSurvey } from "../../../app/answer-survey.js";
import { withdrawComment } from "../../../app/withdraw-comment.js";
import { ticketRef } from "../../../app/outbox/build-messages.js";
import { formatEuros } from "../../../i18n/messages.js";
import { answeredPage, layout, messagePage, surveyForm, type FormValues } from "./pages.js";
import { localeFromAcceptLanguage, pageTexts } from "./texts.js";
import type { SafeHtml } from "./html.js";

const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

export function webSurveyRouter(ctx: AppContext): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "16kb" });

  function send(req: Request, res: Response, status: number, body: SafeHtml): void {
    const t = texts(req);
    res.status(status).set(SECURITY_HEADERS).type("html").send(layout(localeOf(req), t.title, body));
  }
  const localeOf = (req: Request) => localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
  const texts = (req: Request) => pageTexts[localeOf(req)];
  const token = (req: Request) => String(req.params.token ?? "");
  const formInput = (req: Request, context: SurveyContext) => ({
    context,
    ticketRef: ticketRef(context),
    scale: ctx.rules.ratingScale,
    amountPerComment: formatEuros(ctx.rules.amountCents, localeOf(req)),
  });

  async function showAnswered(req: Request, res: Response, status: number, lead: string[]): Promise<void> {
    const context = await ctx.store.surveys.findContextByToken(token(req));
    const answer = context && (await ctx.store.answers.findBySurvey(context.survey.id));
    const canWithdraw = !!answer && answer.comment !== null && answer.withdrawnAt === null;
    send(req, res, status, answeredPage(texts(req), lead, canWithdraw, `/s/${encodeURIComponent(token(req))}/withdraw`));
  }

  router.get("/s/:token", async (req, res) => {
    const t = texts(req);
    const context = await ctx.store.surveys.findContextByToken(token(req));
    if (!context) return send(req, res, 404, messagePage(t.refusals["survey-not-found"] ?? ""));
    if (context.survey.status === "answered") return showAnswered(req, res, 200, [t.refusals["already-answered"] ?? ""]);
    if (context.survey.status === "expired" || context.survey.expiresAt <= ctx.clock.now()) {
      return send(req, res, 410, messagePage(t.refusals["survey-expired"] ?? ""));
    }
    const empty: FormValues = { rating: null, comment: "", share: false };
    send(req, res, 200, surveyForm(t, formInput(req, context), empty, null));
  });

  router.post("/s/:token", form, async (req, res) => {
    const t = texts(req);
    const context = await ctx.store.surveys.findContextByToken(token(req));
    if (!context) return send(req, res, 404, messagePage(t.refusals["survey-not-found"] ?? ""));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: FormValues = {
      rating: Number.parseInt(String(body.rating ?? ""), 10) || null,
      comment: typeof body.comment === "string" ? body.comment : "",
      share: body.share === "on",
    };
    const result = await answerSurvey(ctx, {
      surveyId: context.survey.id,
      answerer: { surveyToken: token(req) },
      rating: values.rating ?? 0,
      comment: values.comment,
      shareConsent: values.share,
    });
    if (result.ok) {
      const lines = [t.thanks, result.counted ? t.counted(formatEuros(result.addedCents, localeOf(req))) : t.notCounted];
      return showAnswered(req, res, 200, lines);
    }
    if (result.reason === "already-answered") return showAnswered(req, res, 409, [t.refusals["already-answered"] ?? ""]);
    const status = result.reason === "survey-expired" ? 410 : result.reason === "not-requester" || result.reason === "survey-not-found" ? 404 : 400;
    send(req, res, status, surveyForm(t, formInput(req, context), values, t.refusals[result.reason] ?? result.reason));
  });

  router.post("/s/:token/withdraw", form, async (req, res) => {
    const t = texts(req);
    const context = await ctx.store.surveys.findContextByToken(token(req));
    const answer = context && (await ctx.store.answers.findBySurvey(context.survey.id));
    if (!context || !answer) return send(req, res, 404, messagePage(t.refusals["survey-not-found"] ?? ""));
    const result = await withdrawComment(ctx, { personId: context.requester.id, answerId: answer.id });
    if (!result.ok) return send(req, res, 409, messagePage(t.refusals[result.reason] ?? result.reason));
    send(req, res, 200, messagePage(t.withdrawn));
  });
  return router;
}
