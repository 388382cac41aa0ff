-- Analytics issue 21: a case's cell-site list (cell id → latitude, longitude, azimuth), uploaded by
-- an analyst so the map can place the cells the case's records name. `cell` is the normalized key
-- ("55303-1", or "55303" for a whole site); one row per (case, cell), a later upload replaces it.

-- CreateTable
CREATE TABLE "cell_sites" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "cell" TEXT NOT NULL,
    "site" TEXT,
    "sector" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "azimuth" DOUBLE PRECISION,
    "beamwidth" DOUBLE PRECISION,
    "label" TEXT,
    "source_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cell_sites_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cell_sites_case_id_cell_key" ON "cell_sites"("case_id", "cell");

-- Deleting a case deletes its cell sites (deleteCase does it too), as timeline_gaps.
ALTER TABLE "cell_sites" ADD CONSTRAINT "cell_sites_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
