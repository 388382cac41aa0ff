-- Workbench issue 18: reviewers edit a file's structure (the workbook sheet, columns split or
-- merged before mapping). A template keeps them as JSON text {sheet?, transforms?}; null = none.

-- AlterTable
ALTER TABLE "layout_templates" ADD COLUMN     "structure" TEXT;
