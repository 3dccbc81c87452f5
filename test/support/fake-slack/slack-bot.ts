// The real bot on 127.0.0.1 wired to a fake Slack Web API that knows the given people, and a driver
// that signs requests as Slack does: the set-up every Slack flow test starts from.
import { startTestBot } from "../running-bot.js";
import { FakeSlack, type FakeUser } from "./fake-slack-server.js";
import { SlackDriver } from "./slack-driver.js";

export async function startSlackBot(users: FakeUser[], env: Record<string, string> = {}, keys: { token?: string; secret?: string } = {}) {
  const token = keys.token ?? "xoxb-test-token";
  const secret = keys.secret ?? "test-signing-secret";
  const fake = new FakeSlack(token);
  for (const user of users) fake.addUser(user);
  const apiUrl = await fake.start();
  const bot = await startTestBot({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: secret, SLACK_API_URL: apiUrl, ...env });
  return {
    fake,
    bot,
    slack: new SlackDriver(bot.url, secret, fake),
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}
