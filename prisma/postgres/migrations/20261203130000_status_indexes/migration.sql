-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "technicianId" TEXT;

-- Backfill: each answer's technician is its ticket's.
UPDATE "Answer" a SET "technicianId" = t."technicianId" FROM "Survey" s JOIN "Ticket" t ON t."id" = s."ticketId" WHERE s."id" = a."surveyId";

-- CreateIndex
CREATE INDEX "Survey_createdAt_idx" ON "Survey"("createdAt");

-- CreateIndex
CREATE INDEX "Answer_campaignId_rating_ratingScale_idx" ON "Answer"("campaignId", "rating", "ratingScale");

-- CreateIndex
CREATE INDEX "Answer_campaignId_moderation_technicianId_rating_ratingScal_idx" ON "Answer"("campaignId", "moderation", "technicianId", "rating", "ratingScale");

-- CreateIndex
CREATE INDEX "Contribution_campaignId_status_kind_requesterId_idx" ON "Contribution"("campaignId", "status", "kind", "requesterId");

-- CreateIndex
CREATE INDEX "Contribution_campaignId_status_kind_clientId_idx" ON "Contribution"("campaignId", "status", "kind", "clientId");

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
