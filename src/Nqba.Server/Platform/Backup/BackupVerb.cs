using System.CommandLine;
using System.Globalization;
using Nqba.Server.Platform.Cli;
using Spectre.Console;

namespace Nqba.Server.Platform.Backup;

/// <summary><c>nqba backup now|list|verify|restore|drill</c>.</summary>
internal sealed class BackupVerb : ICliVerb
{
    public Command Create(IServiceProvider services)
    {
        var backups = services.GetRequiredService<BackupService>();

        var now = new Command("now", "Takes an encrypted, checksummed backup now.");
        now.SetAction(async (_, ct) =>
        {
            var info = await WithProgressAsync("backing up", p => backups.CreateAsync(p, ct));
            await Console.Out.WriteLineAsync($"{info.Path} ({info.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
            return 0;
        });

        var list = new Command("list", "Lists the backups, newest first.");
        list.SetAction(async (_, _) =>
        {
            foreach (var b in backups.List())
            {
                await Console.Out.WriteLineAsync($"{b.Name}\t{b.CreatedAt:u}\t{b.Bytes.ToString(CultureInfo.InvariantCulture)}");
            }

            return 0;
        });

        var verifyFile = new Argument<FileInfo?>("FILE") { Description = "The backup to verify (default: the newest).", Arity = ArgumentArity.ZeroOrOne };
        var verify = new Command("verify", "Checks a backup's checksum and decrypts it completely.") { verifyFile };
        verify.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(verifyFile)?.FullName ?? backups.Newest()?.Path;
            if (path is null || !File.Exists(path))
            {
                await Console.Error.WriteLineAsync("nqba backup verify: no such backup");
                return 2;
            }

            try
            {
                var header = await WithProgressAsync("verifying", p => backups.VerifyAsync(path, p, ct));
                await Console.Out.WriteLineAsync($"ok, {Path.GetFileName(path)}: {header.PlaintextBytes} bytes of {header.Provider} database from {header.CreatedAt:u}");
                return 0;
            }
            catch (BackupCorruptException ex)
            {
                await Console.Error.WriteLineAsync($"{Path.GetFileName(path)} is damaged: {ex.Message}");
                return 1;
            }
        });

        var restoreFile = new Argument<FileInfo>("FILE") { Description = "The backup to restore." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the database's current content is replaced." };
        var restore = new Command("restore", "Replaces the database's content with a backup's (stop the server first).") { restoreFile, yes };
        restore.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                await Console.Error.WriteLineAsync("nqba backup restore replaces the current data: add --yes to confirm.");
                return 2;
            }

            try
            {
                var header = await WithProgressAsync("restoring", p => backups.RestoreAsync(parse.GetValue(restoreFile)!.FullName, p, ct));
                await Console.Out.WriteLineAsync($"restored the database as of {header.CreatedAt:u}");
                return 0;
            }
            catch (BackupCorruptException ex)
            {
                await Console.Error.WriteLineAsync("restore refused, the backup is damaged: " + ex.Message);
                return 1;
            }
        });

        var drill = new Command("drill", "Restores the newest backup into a scratch database, verifies it and reports RPO/RTO.");
        drill.SetAction(async (_, ct) =>
        {
            var report = await WithProgressAsync("drilling", p => backups.DrillAsync(p, ct));
            await Console.Out.WriteLineAsync(
                $"{(report.Succeeded ? "ok" : "FAILED")}: restored {report.Backup} in {report.RestoreDuration.TotalSeconds:F2} s; " +
                $"backup age {report.BackupAge.TotalMinutes:F1} min; row counts {(report.RowCountsMatch ? "match" : "DIFFER")}; audit chain {report.AuditChain}");
            return report.Succeeded ? 0 : 1;
        });

        return new Command("backup", "Encrypted backups: now, list, verify, restore, drill.") { now, list, verify, restore, drill };
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
