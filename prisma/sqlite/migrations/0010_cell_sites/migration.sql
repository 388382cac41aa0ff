-- Analytics issue 21: a case's cell-site list (cell id → latitude, longitude, azimuth), uploaded by
-- an analyst so the map can place the cells the case's records name. `cell` is the normalized key
-- ("55303-1", or "55303" for a whole site); one row per (case, cell), a later upload replaces it.

-- CreateTable
CREATE TABLE "cell_sites" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "cell" TEXT NOT NULL,
    "site" TEXT,
    "sector" TEXT,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "azimuth" REAL,
    "beamwidth" REAL,
    "label" TEXT,
    "source_name" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "cell_sites_case_id_cell_key" ON "cell_sites"("case_id", "cell");

-- Deleting a case deletes its cell sites (deleteCase does it too; this covers a bare DELETE FROM cases).
CREATE TRIGGER "cases_delete_cell_sites" AFTER DELETE ON "cases" BEGIN
  DELETE FROM "cell_sites" WHERE "case_id" = OLD."id";
END;
