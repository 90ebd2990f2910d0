using System.CommandLine;
using Nqba.Server.Platform.Audit;

namespace Nqba.Server.Platform.Cli;

/// <summary><c>nqba audit verify</c>.</summary>
internal sealed class AuditVerb : ICliVerb
{
    public string Name => "audit";

    public Command Create(IServiceProvider services)
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
        var audit = new Command(Name, "Audit ledger tools.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
