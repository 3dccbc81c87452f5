-- AlterTable
ALTER TABLE "Answer" ADD COLUMN "clientId" TEXT;

-- Backfill: each answer's client is its ticket's.
UPDATE "Answer" SET "clientId" = (SELECT t."clientId" FROM "Survey" s JOIN "Ticket" t ON t."id" = s."ticketId" WHERE s."id" = "Answer"."surveyId");

-- CreateIndex
CREATE INDEX "Answer_campaignId_clientId_idx" ON "Answer"("campaignId", "clientId");
