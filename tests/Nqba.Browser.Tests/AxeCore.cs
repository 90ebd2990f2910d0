using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nqba.Browser.Tests;

/// <summary>
/// axe-core from the npm registry (<c>npm pack axe-core@4</c> into artifacts/axe, once; scripts/test.sh fetches it
/// too), injected into a page to check it: the tests assert no serious or critical violations.
/// </summary>
internal static class AxeCore
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _script;

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nqba.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Nqba.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static async Task<string> ScriptAsync()
    {
        if (_script is not null)
        {
            return _script;
        }

        await Gate.WaitAsync();
        try
        {
            var folder = Environment.GetEnvironmentVariable("NQBA_AXE_DIR") ?? Path.Combine(RepoRoot, "artifacts", "axe");
            var file = Path.Combine(folder, "package", "axe.min.js");
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(folder);
                if (!Directory.EnumerateFiles(folder, "axe-core-*.tgz").Any())
                {
                    using var npm = Process.Start(new ProcessStartInfo("npm", "pack axe-core@4 --silent") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
                    await npm.WaitForExitAsync();
                    Assert.True(npm.ExitCode == 0, "npm pack axe-core@4 failed: " + await npm.StandardError.ReadToEndAsync());
                }

                var tgz = Directory.EnumerateFiles(folder, "axe-core-*.tgz").OrderDescending().First();
                await using var gzip = new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress);
                await TarFile.ExtractToDirectoryAsync(gzip, folder, overwriteFiles: true);
            }

            _script = await File.ReadAllTextAsync(file);
            return _script;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs axe on the page (WCAG 2 A/AA rules) and returns the serious and critical violations, one line each.</summary>
    public static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = await ScriptAsync() });
        }

        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
        return [.. json.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
