using System.CommandLine;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Cli;

/// <summary>
/// The command-line verbs of the <c>nqba</c> executable. Without a verb it runs the server. Verbs reuse the
/// server's configuration and services but never start the web server. The verbs are the modules' (<see cref="ModuleCatalog"/>).
/// </summary>
internal static class NqbaCli
{
    private static readonly HashSet<string> RootOptions = new(StringComparer.Ordinal) { "--help", "-h", "--version" };

    public static bool IsVerb(ModuleCatalog modules, string[] args) =>
        args.Length > 0 && (RootOptions.Contains(args[0]) || modules.Verbs.Any(v => string.Equals(v.Name, args[0], StringComparison.Ordinal)));

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var root = new RootCommand("NQBA: operations platform. Without a verb, runs the server.");
        foreach (var verb in services.GetRequiredService<ModuleCatalog>().Verbs)
        {
            root.Subcommands.Add(verb.Create(services));
        }

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync("nqba: " + ex.Message);
            return 2;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("nqba: invalid configuration: " + string.Join(" ", ex.Failures));
            return 2;
        }
    }
}
