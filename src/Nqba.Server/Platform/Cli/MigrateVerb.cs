using System.CommandLine;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Cli;

/// <summary><c>nqba migrate</c>: the explicit migration step.</summary>
internal sealed class MigrateVerb : ICliVerb
{
    public string Name => "migrate";

    public Command Create(IServiceProvider services)
    {
        var command = new Command(Name, "Applies pending database migrations (and seeds the demo company unless Database:SeedDemoData=false).");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var seed = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoData;
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, includeDemoData: seed, ct);
            await Console.Out.WriteLineAsync("database is up to date");
            foreach (var line in scope.ServiceProvider.GetRequiredService<StartupReport>().Lines)
            {
                await Console.Out.WriteLineAsync(line);
            }

            return 0;
        });
        return command;
    }
}
