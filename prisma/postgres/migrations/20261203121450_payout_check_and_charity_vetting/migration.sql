-- AlterTable
ALTER TABLE "Charity" ADD COLUMN     "vettedBy" TEXT,
ADD COLUMN     "vettedOn" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "potCents" INTEGER,
ADD COLUMN     "reason" TEXT;
