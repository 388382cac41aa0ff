import { expect, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

export const FIXTURES = process.env.SWITCHYARD_FIXTURES ?? path.resolve("..", "shared", "fixtures", "cdr");
export const fixture = (name: string) => path.join(FIXTURES, name);
export const hasFixtures = (...names: string[]) => names.every((n) => fs.existsSync(fixture(n)));

export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

/** Signs in through the form, the way a person does, and waits for the header to show who it is. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/**
 * Drops files on the zone the way a browser does: one synthetic drop whose DataTransfer holds
 * every File, built in the page from the given bytes.
 */
export async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const { b64, name } of list) {
        const bin = atob(b64);
        const arr = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
        dt.items.add(new File([arr], name, { type: "text/plain" }));
      }
      return dt;
    },
    files.map((f) => ({ b64: f.bytes.toString("base64"), name: f.name })),
  );
  const zone = page.getByTestId("dropzone");
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}
