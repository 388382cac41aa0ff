-- Analytics issue 21: GET /api/records?imei= and ?imsi= (and the export) look the handset or the
-- subscriber up within a case of millions of records by equality on the stored spellings.

-- CreateIndex
CREATE INDEX "call_records_case_id_imei_idx" ON "call_records"("case_id", "imei");

-- CreateIndex
CREATE INDEX "call_records_case_id_imsi_idx" ON "call_records"("case_id", "imsi");
