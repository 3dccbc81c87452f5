// Reference for the Slack acknowledgement benchmark: a bare Bolt app on the same receiver as the
// bot (ExpressReceiver, processBeforeResponse) that acknowledges `/cagnotte` with a fixed reply.
// Bolt's defaults otherwise: the token is checked once at start (auth.test, then kept), as any app
// does. (With tokenVerificationEnabled: false, Bolt 4–5 calls auth.test again on every request.)
import bolt from "@slack/bolt";

const { App, ExpressReceiver } = bolt;
const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: "/slack/events", processBeforeResponse: true });
const app = new App({ receiver, token: process.env.SLACK_BOT_TOKEN, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
app.command("/cagnotte", async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "Cagnotte: 0,00 €" });
});
const server = receiver.app.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
