using System.CommandLine;
using System.Globalization;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Persistence;
using Spectre.Console;

namespace Nqba.Server.Platform.Backup;

/// <summary><c>nqba backup now|list|verify|restore|drill</c>.</summary>
internal sealed class BackupVerb : ICliVerb
{
    public string Name => "backup";

    public Command Create(IServiceProvider services)
    {
        var backups = services.GetRequiredService<BackupService>();
        var environment = services.GetRequiredService<IHostEnvironment>();

        var now = new Command("now", "Takes an encrypted, checksummed backup now: of the main database, then of each residency zone's store into its own folder.");
        now.SetAction(async (_, ct) =>
        {
            foreach (var info in await WithProgressAsync("backing up", p => backups.CreateAllAsync(p, ct)))
            {
                await Console.Out.WriteLineAsync($"{info.Path} ({info.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
            }

            return 0;
        });

        var list = new Command("list", "Lists the backups, newest first: the main database's, then each residency zone's.");
        list.SetAction(async (_, _) =>
        {
            foreach (var target in backups.Targets)
            {
                foreach (var b in BackupService.List(target))
                {
                    await Console.Out.WriteLineAsync($"{b.Name}\t{b.CreatedAt:u}\t{b.Bytes.ToString(CultureInfo.InvariantCulture)}\t{target.Zone ?? "main"}");
                }
            }

            return 0;
        });

        var verifyFile = new Argument<FileInfo?>("FILE") { Description = "The backup to verify (default: the newest of the main database and of each zone).", Arity = ArgumentArity.ZeroOrOne };
        var verify = new Command("verify", "Checks a backup's checksum and decrypts it completely.") { verifyFile };
        verify.SetAction(async (parse, ct) =>
        {
            List<string> paths = parse.GetValue(verifyFile) is { } file
                ? [file.FullName]
                : [.. backups.Targets.Select(BackupService.Newest).OfType<BackupInfo>().Select(b => b.Path)];
            if (paths.Count == 0 || !paths.All(File.Exists))
            {
                await Console.Error.WriteLineAsync("nqba backup verify: no such backup");
                return 2;
            }

            var exit = 0;
            foreach (var path in paths)
            {
                try
                {
                    var header = await WithProgressAsync("verifying", p => backups.VerifyAsync(path, p, ct));
                    var of = header.Zone is null ? string.Empty : $" (zone {header.Zone}'s store)";
                    await Console.Out.WriteLineAsync($"ok, {Path.GetFileName(path)}: {header.PlaintextBytes} bytes of {header.Provider} database{of} from {header.CreatedAt:u}");
                }
                catch (BackupCorruptException ex)
                {
                    await Console.Error.WriteLineAsync($"{Path.GetFileName(path)} is damaged: {ex.Message}");
                    exit = 1;
                }
            }

            return exit;
        });

        var restoreFile = new Argument<FileInfo>("FILE") { Description = "The backup to restore." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the database's current content is replaced." };
        var restore = new Command("restore", "Replaces the content of the database the backup was taken of (the main database or a zone's store) with the backup's; stop the server first.") { restoreFile, yes };
        restore.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                await Console.Error.WriteLineAsync("nqba backup restore replaces the current data: add --yes to confirm.");
                return 2;
            }

            if (ServerLock.IsHeld(environment.ContentRootPath))
            {
                await Console.Error.WriteLineAsync(
                    $"nqba backup restore refused: the server is running on this folder ({ServerLock.PathFor(environment.ContentRootPath)} is held). Stop it first: restoring under a running server mixes old and new data.");
                return 2;
            }

            try
            {
                var header = await WithProgressAsync("restoring", p => backups.RestoreAsync(parse.GetValue(restoreFile)!.FullName, p, ct));
                await Console.Out.WriteLineAsync($"restored {(header.Zone is null ? "the database" : $"zone {header.Zone}'s store")} as of {header.CreatedAt:u}");
                return 0;
            }
            catch (BackupCorruptException ex)
            {
                await Console.Error.WriteLineAsync("restore refused: " + ex.Message);
                return 1;
            }
        });

        var drill = new Command("drill", "Restores the newest backups (main database and zone stores) into scratch databases, verifies them and reports RPO/RTO.");
        drill.SetAction(async (_, ct) =>
        {
            var report = await WithProgressAsync("drilling", p => backups.DrillAsync(p, ct));
            await Console.Out.WriteLineAsync(
                $"{(report.Succeeded ? "ok" : "FAILED")}: restored {report.Backup} in {report.RestoreDuration.TotalSeconds:F2} s; " +
                $"backup age {report.BackupAge.TotalMinutes:F1} min; row counts {(report.RowCountsMatch ? "match" : "DIFFER")}; audit chain {report.AuditChain}");
            await WriteTablesAsync(report.Tables);
            foreach (var zone in report.Zones ?? [])
            {
                await Console.Out.WriteLineAsync(zone.Backup is null
                    ? $"FAILED: zone {zone.Zone} has no backup to drill"
                    : $"{(zone.Succeeded ? "ok" : "FAILED")}: zone {zone.Zone}: restored {zone.Backup} in {zone.RestoreDuration.TotalSeconds:F2} s; backup age {zone.BackupAge.TotalMinutes:F1} min; row counts {(zone.RowCountsMatch ? "match" : "DIFFER")}");
                await WriteTablesAsync(zone.Tables);
            }

            return report.Succeeded ? 0 : 1;
        });

        return new Command(Name, "Encrypted backups: now, list, verify, restore, drill.") { now, list, verify, restore, drill };
    }

    /// <summary>One line per table: rows at backup time, rows restored, and whether they match.</summary>
    private static async Task WriteTablesAsync(IReadOnlyList<DrillTableCount>? tables)
    {
        foreach (var table in tables ?? [])
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table.Table}\t{table.AtBackup}\t{(table.Restored is { } n ? n.ToString(CultureInfo.InvariantCulture) : "missing")}\t{(table.Matches ? "ok" : "DIFFERS")}"));
        }
    }

    private static async Task<T> WithProgressAsync<T>(string what, Func<IProgress<double>?, Task<T>> run)
    {
        if (Console.IsErrorRedirected)
        {
            return await run(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask(what, maxValue: 1);
            return await run(new Progress<double>(v => task.Value = v));
        });
    }
}
