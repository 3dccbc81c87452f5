// Reference for the ingest benchmark: the least a ticket webhook can do — read the body, check its
// HMAC-SHA256 signature, parse the JSON, answer 202 — with nothing stored.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.TICKET_WEBHOOK_SECRET ?? "";
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
    const given = Buffer.from(req.headers["x-signature-256"] ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    let json;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const id = randomUUID();
    res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ surveyId: id, ticketId: json.ticketId, surveyUrl: `http://127.0.0.1/s/${id}` }));
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
