using System.CommandLine;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Cli;

/// <summary>
/// The command-line verbs of the <c>nqba</c> executable. Without a verb it runs the server. Verbs reuse the
/// server's configuration and services but never start the web server.
/// </summary>
internal static class NqbaCli
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "migrate", "audit", "admin", "solve", "backup", "keys", "--help", "-h", "--version" };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var root = new RootCommand("NQBA: operations platform. Without a verb, runs the server.");
        root.Subcommands.Add(MigrateCommand(services));
        root.Subcommands.Add(AuditCommand(services));
        root.Subcommands.Add(AdminCommand(services));
        foreach (var verb in services.GetServices<ICliVerb>())
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

    private static Command MigrateCommand(IServiceProvider services)
    {
        var command = new Command("migrate", "Applies pending database migrations (and seeds the demo company unless Database:SeedDemoData=false).");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var seed = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.SeedDemoData;
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, includeDemoData: seed, ct);
            await Console.Out.WriteLineAsync("database is up to date");
            foreach (var line in scope.ServiceProvider.GetRequiredService<Seeding.StartupReport>().Lines)
            {
                await Console.Out.WriteLineAsync(line);
            }

            return 0;
        });
        return command;
    }

    private static Command AuditCommand(IServiceProvider services)
    {
        var verify = new Command("verify", "Recomputes the audit ledger's hash chain; exits non-zero and names the first broken entry if it was tampered with.");
        verify.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (result.IsIntact)
            {
                await Console.Out.WriteLineAsync(result.ToString());
                return 0;
            }

            await Console.Error.WriteLineAsync(result.ToString());
            return 1;
        });
        var audit = new Command("audit", "Audit ledger tools.");
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static Command AdminCommand(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "The user's e-mail address.", DefaultValueFactory = _ => AccessSeeder.DefaultAdminEmail };
        var reset = new Command("reset-password", "Sets a new random password for a user, clears lockout, ends every session and API key of the user, and prints the password.");
        reset.Options.Add(email);
        reset.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetPasswordAsync(parse.GetValue(email)!, ct);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error.Detail);
                return 1;
            }

            await Console.Out.WriteLineAsync($"new password for {parse.GetValue(email)}: {result.Value}");
            return 0;
        });
        var resetMfa = new Command("reset-mfa", "Turns off a user's authenticator and recovery codes, ends every session and API key of the user, and e-mails the user.");
        resetMfa.Options.Add(email);
        resetMfa.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetMfaAsync(parse.GetValue(email)!, ct);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error.Detail);
                return 1;
            }

            await Console.Out.WriteLineAsync($"two-factor sign-in reset for {parse.GetValue(email)}; the user was e-mailed and enrols again at the next sign-in");
            return 0;
        });
        var admin = new Command("admin", "Administration tools.");
        admin.Subcommands.Add(reset);
        admin.Subcommands.Add(resetMfa);
        return admin;
    }
}
