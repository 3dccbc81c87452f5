-- AlterTable
ALTER TABLE "Person" ADD COLUMN "surveysOptedOutAt" DATETIME;
ALTER TABLE "Person" ADD COLUMN "unsubscribeToken" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Client" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "emailDomains" TEXT NOT NULL DEFAULT '',
    "emailFirst" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Client" ("createdAt", "emailDomains", "externalId", "id", "name") SELECT "createdAt", "emailDomains", "externalId", "id", "name" FROM "Client";
DROP TABLE "Client";
ALTER TABLE "new_Client" RENAME TO "Client";
CREATE UNIQUE INDEX "Client_externalId_key" ON "Client"("externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Person_unsubscribeToken_key" ON "Person"("unsubscribeToken");
