using System.CommandLine;
using Nqba.Server.Platform.Cli;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// <c>nqba contexts</c>, hidden from the help: one line per DbContext with migrations, "name folder", which
/// scripts/add-migration.sh reads instead of keeping a list of its own.
/// </summary>
internal sealed class ContextsVerb : ICliVerb
{
    public string Name => "contexts";

    public Command Create(IServiceProvider services)
    {
        var command = new Command(Name, "Lists the DbContexts with migrations and their migrations folders (for scripts/add-migration.sh).") { Hidden = true };
        command.SetAction(async (_, _) =>
        {
            foreach (var set in MigrationSet.Find(typeof(ContextsVerb).Assembly))
            {
                await Console.Out.WriteLineAsync($"{set.Name} {set.Folder}");
            }

            return 0;
        });
        return command;
    }
}
