-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "source" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,

    PRIMARY KEY ("source", "key")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");
