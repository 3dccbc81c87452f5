-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "emailFirst" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "surveysOptedOutAt" TIMESTAMP(3),
ADD COLUMN     "unsubscribeToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Person_unsubscribeToken_key" ON "Person"("unsubscribeToken");
