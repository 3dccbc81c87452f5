-- CreateTable
CREATE TABLE "MessageRef" (
    "purpose" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "ref" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("purpose", "platform")
);

-- Progress message references moved from Setting to MessageRef (purpose "progress:<campaignId>").
-- Their formats were platform-private: the next progress update posts a fresh message instead.
DELETE FROM "Setting" WHERE "key" LIKE 'slack.progress.%' OR "key" LIKE 'teams.progress-card.%';
