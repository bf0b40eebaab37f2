/**
 * `lockstep report` rendered in a real browser: Debian's chromium, driven by playwright-core (no
 * browser download). The bundled schemas plus an injected breaking change (user v4 turns "age"
 * into a string): the cell for v4 data read by v3 code must be red in every language's matrix.
 * Without chromium the test is skipped with a message; with CI=true it fails (.ci/run installs it).
 * The report and a screenshot are kept in .cache/test-output/report/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const REPO = join(import.meta.dirname, "..");
const OUT = join(REPO, ".cache/test-output/report");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const available = existsSync(CHROMIUM);
const ci = process.env.CI === "true";
if (!available && !ci) console.warn(`[lockstep tests] ${CHROMIUM} not found (apt-get install chromium): skipping the report's browser test`);
const itBrowser = available || ci ? it : it.skip;

describe("lockstep report in headless Chromium", () => {
  let browser: BrowserContext | undefined;
  let userData: string | undefined;
  let report = "";

  beforeAll(async () => {
    if (!available) return;
    const dir = mkdtempSync(join(tmpdir(), "lockstep-report-"));
    cpSync(join(REPO, "schemas"), join(dir, "schemas"), { recursive: true });
    const v3 = JSON.parse(readFileSync(join(dir, "schemas/user/v3.json"), "utf8"));
    v3.properties.age = { type: "string", description: "<script>alert('age')</script> breaks every reader" };
    writeFileSync(join(dir, "schemas/user/v4.json"), `${JSON.stringify(v3, null, 2)}\n`);
    mkdirSync(OUT, { recursive: true });
    report = join(OUT, "report.html");
    const res = await runCli(["report", "-C", dir, "--out", report]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/wrote .*report\.html \(4 entities, 1 breaking step\)/);
    rmSync(dir, { recursive: true, force: true });
    userData = mkdtempSync(join(tmpdir(), "lockstep-chromium-"));
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1280, height: 900 }, timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  itBrowser("shows every entity's matrices, a red cell for the breaking change, and nothing from the network", async () => {
    if (!available) throw new Error(`${CHROMIUM} is not installed, and CI=true requires it (apt-get install chromium)`);
    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(report).href, { waitUntil: "load", timeout: 30_000 });
    expect(await page.title()).toBe("lockstep report");
    expect(await page.locator("section.entity").evaluateAll((s) => s.map((e) => e.getAttribute("data-entity")))).toEqual(["category", "event", "order", "user"]);

    // user: 4 versions × 4 versions per reader, for each of the four readers.
    const user = page.locator('section[data-entity="user"]');
    for (const target of ["rust", "go", "typescript", "validators"]) {
      const cells = user.locator(`table.matrix[data-target="${target}"] td.cell`);
      expect(await cells.count(), target).toBe(16);
      const broken = cells.and(page.locator('[data-writer="4"][data-reader="3"]'));
      expect(await broken.getAttribute("data-verdict"), target).toBe("breaks");
      expect(await broken.evaluate((e) => getComputedStyle(e).backgroundColor), target).toBe("rgb(207, 34, 46)");
      expect(await broken.getAttribute("title")).toMatch(/\/properties\/age/);
      // The diagonal is the same version; v1 data read by v2 code was fine before the change.
      expect(await cells.and(page.locator('[data-writer="2"][data-reader="2"]')).getAttribute("data-verdict")).toBe("same");
    }
    // Generated code reads v1 user data with v2 types; only the injected step is breaking.
    expect(await user.locator('table.matrix[data-target="typescript"] td[data-writer="1"][data-reader="2"]').getAttribute("data-verdict")).toBe("ok");
    expect(await user.locator("#user-v3-v4 h3").textContent()).toMatch(/v3 → v4 \d+ errors?/);
    expect(await user.locator("#user-v3-v4 .diff .del").first().textContent()).toMatch(/"integer"/);
    // Schema text is shown, never run.
    expect(await user.locator("#user-v3-v4 .diff").textContent()).toContain("<script>alert('age')</script>");
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);

    const shot = join(OUT, "report.png");
    await page.screenshot({ path: shot });
    const matrices = join(OUT, "report-user-matrices.png");
    await user.locator(".matrices").screenshot({ path: matrices });
    console.log(`report screenshots: ${shot}, ${matrices}`);
    for (const png of [shot, matrices]) expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  }, 120_000);
});
