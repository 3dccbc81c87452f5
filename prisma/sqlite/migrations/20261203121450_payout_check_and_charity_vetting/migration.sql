-- AlterTable
ALTER TABLE "Charity" ADD COLUMN "vettedBy" TEXT;
ALTER TABLE "Charity" ADD COLUMN "vettedOn" DATETIME;

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN "potCents" INTEGER;
ALTER TABLE "Payout" ADD COLUMN "reason" TEXT;
