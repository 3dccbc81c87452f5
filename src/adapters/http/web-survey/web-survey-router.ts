// The web answer page at the survey link (`surveyUrl`): for requesters outside Slack and Teams,
// or who prefer a browser. The secret token in the link is the proof of being the requester.
// The use cases decide and return what the page shows; the presenter words it in the language of
// whoever opened the link (Accept-Language); this router only picks the HTTP status.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { answerSurvey } from "../../../app/answer-survey.js";
import { surveyPage } from "../../../app/survey-state.js";
import { withdrawComment } from "../../../app/withdraw-comment.js";
import type { Locale } from "../../../core/model.js";
import type { Refusal, RefusalCode } from "../../../core/refusal.js";
import type { AnsweredView, SurveyPrompt } from "../../../core/views.js";
import { localeFromAcceptLanguage, textsFor } from "../../../i18n/index.js";
import { presentAnswered, presentRefusal, presentSurvey, type Presentation } from "../../../presenter/index.js";
import { readAnswerForm, readWithdrawForm } from "./answer-form.js";
import { renderPage, SECURITY_HEADERS, type PageContent, type PageFrame } from "./pages.js";
import type { FormValues } from "./render-inputs.js";


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
    const send = (status: number, page: PageContent) => void res.status(status).set(SECURITY_HEADERS).type("html").send(renderPage(frame, page));
    const headingOf = (refusal: Refusal): string =>
      statusOf(refusal) === 404
        ? web.notFoundTitle
        : refusal.code === "survey-expired"
          ? web.expiredTitle
          : refusal.code === "already-answered"
            ? web.answeredTitle
            : survey.title;
    return {
      token,
      survey: (status: number, prompt: SurveyPrompt, refusal?: Refusal, values?: FormValues) =>
        send(status, { message: presentSurvey(prompt, p), alert: refusal && presentRefusal(refusal, p), values }),
      /** The answer as it stands; `again` (coming back, answering twice) says it was answered already. */
      answered: (status: number, view: AnsweredView, opts: { again?: boolean; refusal?: Refusal } = {}) => {
        const shown = { message: presentAnswered(view, p), alert: opts.refusal && presentRefusal(opts.refusal, p) };
        send(status, opts.again ? { heading: web.answeredTitle, ...shown } : shown);
      },
      refused: (refusal: Refusal) => send(statusOf(refusal), { heading: headingOf(refusal), alert: presentRefusal(refusal, p) }),
    };
  }

  router.get("/s/:token", async (req, res) => {
    const page = pageFor(req, res);
    const state = await surveyPage(ctx, page.token);
    if (state.state === "open") return page.survey(200, state.prompt);
    if (state.state === "answered") return page.answered(200, state.view, { again: true });
    page.refused(state.refusal);
  });

  router.post("/s/:token", form, async (req, res) => {
    const page = pageFor(req, res);
    const state = await surveyPage(ctx, page.token);
    const already: Refusal = { code: "already-answered" };
    if (state.state === "answered") return page.answered(409, state.view, { again: true, refusal: already });
    if (state.state === "refused") return page.refused(state.refusal);
    const values = readAnswerForm(req.body);
    const result = await answerSurvey(ctx, {
      surveyId: state.prompt.surveyId,
      answerer: { surveyToken: page.token },
      // Not a plain integer of the scale: 0, which the use case refuses as invalid-rating.
      rating: values.rating ?? 0,
      comment: values.comment,
      shareConsent: values.share,
    });
    if (result.ok) return page.answered(200, result.view);
    const status = statusOf(result.refusal);
    if (status === 400) return page.survey(400, state.prompt, result.refusal, values);
    if (result.refusal.code === "already-answered") {
      // Answered from another tab or chat meanwhile: show that answer.
      const now = await surveyPage(ctx, page.token);
      if (now.state === "answered") return page.answered(409, now.view, { again: true, refusal: result.refusal });
    }
    page.refused(result.refusal);
  });

  router.post("/s/:token/withdraw", form, async (req, res) => {
    const page = pageFor(req, res);
    const result = await withdrawComment(ctx, { by: { surveyToken: page.token }, answerId: readWithdrawForm(req.body) });
    if (result.ok) return page.answered(200, result.view);
    // Nothing (more) to withdraw: the answer as it stands, with the reason; a link that leads
    // nowhere (unknown, expired) says so rather than "nothing to withdraw".
    const now = await surveyPage(ctx, page.token);
    if (now.state === "answered") return page.answered(statusOf(result.refusal), now.view, { refusal: result.refusal });
    page.refused(now.state === "refused" ? now.refusal : result.refusal);
  });
  return router;
}
