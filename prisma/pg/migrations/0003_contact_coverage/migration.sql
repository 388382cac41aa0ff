-- CreateTable
CREATE TABLE "contact_coverage" (
    "target" TEXT NOT NULL,
    "max_record_id" INTEGER NOT NULL,
    "records" INTEGER NOT NULL,

    CONSTRAINT "contact_coverage_pkey" PRIMARY KEY ("target")
);
