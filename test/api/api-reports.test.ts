/**
 * The public API of each package, as API Extractor reports it from the built declarations
 * (`dist/index.d.ts`), is committed in `packages/<pkg>/api/<pkg>.api.md`. A change to a public
 * signature fails here with the diff until the report is regenerated (`npm run api:update`) and
 * committed with the change, so every change of the public API is a visible diff in review.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from '@microsoft/api-extractor';

const root = join(__dirname, '..', '..');
const update = process.env.UPDATE_API_REPORTS === '1';

const PACKAGES = ['contract-api', 'shim', 'dev-peer', 'cli'] as const;

describe('API reports', () => {
  it.each(PACKAGES)('packages/%s/api matches the public API of the build', (pkg) => {
    const dir = join(root, 'packages', pkg);
    if (!existsSync(join(dir, 'dist', 'index.d.ts'))) throw new Error(`${pkg} is not built: run npm run build first`);
    const config = ExtractorConfig.loadFileAndPrepare(join(dir, 'api-extractor.json'));
    const problems: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message: ExtractorMessage) => {
        // keep the run quiet; anything worse than a report change is a failure below
        message.handled = true;
        if (message.logLevel === ExtractorLogLevel.Error && message.messageId !== 'console-api-report-changed') {
          problems.push(message.formatMessageWithLocation(dir));
        }
      },
    });
    expect(problems).toEqual([]);
    const fileName = config.reportConfigs[0]?.fileName ?? `${pkg}.api.md`;
    const reportPath = join(config.reportFolder, fileName);
    const committed = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '(missing)';
    const fresh = readFileSync(update ? reportPath : join(config.reportTempFolder, fileName), 'utf8');
    // a failure here: the public API changed (- the committed report, + the build); run
    // `npm run api:update` and commit the report with the change
    expect(fresh).toBe(committed);
    if (!update) expect(result.apiReportChanged).toBe(false);
  });
});
