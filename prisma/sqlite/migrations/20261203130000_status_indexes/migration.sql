-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "technicianId" TEXT,
    "rating" INTEGER NOT NULL,
    "ratingScale" INTEGER NOT NULL,
    "comment" TEXT,
    "normalizedComment" TEXT,
    "shareConsent" BOOLEAN NOT NULL DEFAULT false,
    "moderation" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    "erasedAt" DATETIME,
    CONSTRAINT "Answer_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Answer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Answer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Answer_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Backfill: each answer's technician is its ticket's.
INSERT INTO "new_Answer" ("answeredAt", "campaignId", "comment", "erasedAt", "id", "moderation", "normalizedComment", "outcome", "personId", "rating", "ratingScale", "shareConsent", "surveyId", "withdrawnAt", "technicianId") SELECT "answeredAt", "campaignId", "comment", "erasedAt", "id", "moderation", "normalizedComment", "outcome", "personId", "rating", "ratingScale", "shareConsent", "surveyId", "withdrawnAt", (SELECT t."technicianId" FROM "Survey" s JOIN "Ticket" t ON t."id" = s."ticketId" WHERE s."id" = "Answer"."surveyId") FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE UNIQUE INDEX "Answer_surveyId_key" ON "Answer"("surveyId");
CREATE INDEX "Answer_campaignId_personId_idx" ON "Answer"("campaignId", "personId");
CREATE INDEX "Answer_campaignId_rating_ratingScale_idx" ON "Answer"("campaignId", "rating", "ratingScale");
CREATE INDEX "Answer_campaignId_moderation_technicianId_rating_ratingScale_idx" ON "Answer"("campaignId", "moderation", "technicianId", "rating", "ratingScale");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Survey_createdAt_idx" ON "Survey"("createdAt");

-- CreateIndex
CREATE INDEX "Contribution_campaignId_status_kind_requesterId_idx" ON "Contribution"("campaignId", "status", "kind", "requesterId");

-- CreateIndex
CREATE INDEX "Contribution_campaignId_status_kind_clientId_idx" ON "Contribution"("campaignId", "status", "kind", "clientId");
