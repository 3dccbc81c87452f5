// The web answer page at the survey link (`surveyUrl`): for requesters outside Slack and Teams,
// or who prefer a browser. The secret token in the link is the proof of being the requester.
// The use cases decide and return what the page shows; the presenter words it in the language of
// whoever opened the link (Accept-Language); this router only picks the HTTP status. Every page
// says who asks and where the pot goes (webAsker). Nothing is written by a GET: `?rating=N`
// only preselects, and withdrawal asks for confirmation on a page of its own first.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { answerSurvey } from "../../../app/answer-survey.js";
import { surveyPage, type SurveyPageState } from "../../../app/survey-state.js";
import { webAsker } from "../../../app/web-asker.js";
import { withdrawComment } from "../../../app/withdraw-comment.js";
import type { Locale } from "../../../core/model.js";
import type { Refusal, RefusalCode } from "../../../core/refusal.js";
import type { AnsweredView, SurveyPrompt } from "../../../core/views.js";
import { localeFromAcceptLanguage, textsFor } from "../../../i18n/index.js";
import {
  presentAnswered,
  presentAsker,
  presentLinkProblem,
  presentRefusal,
  presentSurvey,
  presentWithdrawConfirm,
  type Presentation,
} from "../../../presenter/index.js";
import { presetRating, readAnswerForm, readWithdrawConfirmed, readWithdrawForm } from "./answer-form.js";
import { renderPage, SECURITY_HEADERS, type PageContent, type PageFrame } from "./pages.js";
import type { FormValues, InvalidField } from "./render-inputs.js";


const STATUS: Partial<Record<RefusalCode, number>> = {
  "survey-not-found": 404,
  "not-requester": 404,
  "answer-not-found": 404,
  "survey-expired": 410,
  "already-answered": 409,
  "nothing-to-withdraw": 409,
  "not-author": 403,
  "something-wrong": 500,
};
const statusOf = (refusal: Refusal): number => STATUS[refusal.code] ?? 400;

/** The input a refused answer is about, so that its error message describes it. */
const INVALID: Partial<Record<RefusalCode, InvalidField>> = { "invalid-rating": "rating", "comment-too-long": "comment" };

/** A comment its author may still withdraw (not already erased, by them or management). */
const withdrawable = (view: AnsweredView): boolean => view.comment !== null && view.withdrawn === null;

export function webSurveyRouter(ctx: AppContext): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "16kb" });

  /** Everything one request needs to answer with a page, in the language of whoever opened the link. */
  function pageFor(req: Request, res: Response) {
    const locale: Locale = localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
    const p: Presentation = { locale, timeZone: ctx.rules.timeZone, commandPrefix: "", milestoneCents: ctx.rules.milestoneCents };
    const { web, survey } = textsFor(locale);
    const token = String(req.params.token ?? "");
    const answerPath = `/s/${encodeURIComponent(token)}`;
    const frame: PageFrame = { locale, answerPath, withdrawPath: `${answerPath}/withdraw` };
    /** Sends the page under the head that says who asks and, for `campaignId` (else the current campaign), which charity. */
    const send = async (status: number, page: PageContent, campaignId?: string) => {
      const asker = presentAsker(await webAsker(ctx, campaignId), p);
      res.status(status).set(SECURITY_HEADERS).type("html").send(renderPage(frame, { ...page, asker }));
    };
    const headingOf = (refusal: Refusal): string => (refusal.code === "already-answered" ? web.answeredTitle : survey.title);
    return {
      token,
      survey: (status: number, prompt: SurveyPrompt, refusal?: Refusal, values?: FormValues) =>
        send(status, { message: presentSurvey(prompt, p), alert: refusal && presentRefusal(refusal, p), values, invalid: refusal && INVALID[refusal.code] }),
      /** The answer as it stands; `again` (coming back, answering twice) says it was answered already. */
      answered: (status: number, view: AnsweredView, campaignId: string | undefined, opts: { again?: boolean; refusal?: Refusal } = {}) => {
        const shown = { message: presentAnswered(view, p), alert: opts.refusal && presentRefusal(opts.refusal, p) };
        return send(status, opts.again ? { heading: web.answeredTitle, ...shown } : shown, campaignId);
      },
      /** Withdrawal's first step: the question, nothing changed. */
      confirmWithdrawal: (view: AnsweredView, campaignId: string) => send(200, { message: presentWithdrawConfirm(view, answerPath, p) }, campaignId),
      /** No survey to answer here: an unknown link (404), an expired survey (410), or another refusal. */
      refused: async (refused: Extract<SurveyPageState, { state: "refused" }> | { refusal: Refusal; expired?: undefined }) => {
        const { refusal, expired } = refused;
        const status = statusOf(refusal);
        if (expired) return send(410, { message: presentLinkProblem({ kind: "expired", ...expired }, await webAsker(ctx), p) });
        if (refusal.code === "survey-not-found") return send(404, { message: presentLinkProblem({ kind: "unknown" }, await webAsker(ctx), p) });
        return send(status, { heading: headingOf(refusal), alert: presentRefusal(refusal, p) });
      },
    };
  }

  router.get("/s/:token", async (req, res) => {
    const page = pageFor(req, res);
    const state = await surveyPage(ctx, page.token);
    if (state.state === "open") {
      // A one-click link from an e-mail preselects its rating; only the form's own button sends it.
      const rating = presetRating(req.query.rating, state.prompt.ratingScale);
      return page.survey(200, state.prompt, undefined, rating === null ? undefined : { rating, comment: "", share: false });
    }
    if (state.state === "answered") return page.answered(200, state.view, state.campaignId, { again: true });
    return page.refused(state);
  });

  router.post("/s/:token", form, async (req, res) => {
    const page = pageFor(req, res);
    const state = await surveyPage(ctx, page.token);
    const already: Refusal = { code: "already-answered" };
    if (state.state === "answered") return page.answered(409, state.view, state.campaignId, { again: true, refusal: already });
    if (state.state === "refused") return page.refused(state);
    const values = readAnswerForm(req.body);
    const result = await answerSurvey(ctx, {
      surveyId: state.prompt.surveyId,
      answerer: { surveyToken: page.token },
      // Not a plain integer of the scale: 0, which the use case refuses as invalid-rating.
      rating: values.rating ?? 0,
      comment: values.comment,
      shareConsent: values.share,
    });
    if (result.ok) return page.answered(200, result.view, result.campaignId);
    const status = statusOf(result.refusal);
    if (status === 400) return page.survey(400, state.prompt, result.refusal, values);
    // Answered from another tab or chat meanwhile, or expired since the page was read: say so.
    const now = await surveyPage(ctx, page.token);
    if (now.state === "answered") return page.answered(409, now.view, now.campaignId, { again: true, refusal: result.refusal });
    return page.refused(now.state === "refused" ? now : { refusal: result.refusal });
  });

  /** Withdrawal's first step (GET, or a POST without the confirmation's yes): asks, changes nothing. */
  async function askToWithdraw(req: Request, res: Response) {
    const page = pageFor(req, res);
    const state = await surveyPage(ctx, page.token);
    if (state.state === "refused") return page.refused(state);
    if (state.state === "open") return page.refused({ refusal: { code: "nothing-to-withdraw" } });
    if (withdrawable(state.view)) return page.confirmWithdrawal(state.view, state.campaignId);
    return page.answered(409, state.view, state.campaignId, { refusal: { code: "nothing-to-withdraw" } });
  }

  router.get("/s/:token/withdraw", askToWithdraw);

  router.post("/s/:token/withdraw", form, async (req, res) => {
    if (!readWithdrawConfirmed(req.body)) return askToWithdraw(req, res);
    const page = pageFor(req, res);
    // The link's own answer unless the form names one (whose author the use case checks): never
    // "the person's latest comment", which may be another survey's.
    const before = await surveyPage(ctx, page.token);
    const answerId = readWithdrawForm(req.body) ?? (before.state === "answered" ? before.view.answerId : null);
    if (!answerId) return page.refused(before.state === "refused" ? before : { refusal: { code: "nothing-to-withdraw" } });
    const result = await withdrawComment(ctx, { by: { surveyToken: page.token }, answerId });
    // Nothing (more) to withdraw: the answer as it stands, with the reason; a link that leads
    // nowhere (unknown, expired) says so rather than "nothing to withdraw".
    const now = await surveyPage(ctx, page.token);
    if (result.ok) return page.answered(200, result.view, now.state === "answered" ? now.campaignId : undefined);
    if (now.state === "answered") return page.answered(statusOf(result.refusal), now.view, now.campaignId, { refusal: result.refusal });
    return page.refused(now.state === "refused" ? now : { refusal: result.refusal });
  });
  return router;
}
