-- Analytics issue 21: the time zone a case's patterns of life are shown in (an IANA name such as
-- "America/Chicago"; null = UTC). Records stay in UTC; only the analyses fold them into local hours.

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "display_timezone" TEXT;
