using System.CommandLine;
using Nqba.Server.Platform.Cli;

namespace Nqba.Server.Modules.Access.Users;

/// <summary><c>nqba admin reset-password|reset-mfa</c>: an operator's way back into an account.</summary>
internal sealed class AdminVerb : ICliVerb
{
    public string Name => "admin";

    public Command Create(IServiceProvider services)
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
        var admin = new Command(Name, "Administration tools.");
        admin.Subcommands.Add(reset);
        admin.Subcommands.Add(resetMfa);
        return admin;
    }
}
