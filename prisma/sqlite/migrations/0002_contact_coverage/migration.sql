-- CreateTable
CREATE TABLE "contact_coverage" (
    "target" TEXT NOT NULL PRIMARY KEY,
    "max_record_id" INTEGER NOT NULL,
    "records" INTEGER NOT NULL
);
