using System.CommandLine;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Cli;

namespace Nqba.Server.Platform.Protection;

/// <summary><c>nqba keys rotate</c>: a new master key, and every data key re-wrapped under it, while the server runs.</summary>
internal sealed class KeysVerb : ICliVerb
{
    public string Name => "keys";

    public Command Create(IServiceProvider services)
    {
        var rotate = new Command("rotate", "Creates a new master key and re-wraps every data key with it (no data is re-encrypted; no downtime).");
        rotate.SetAction(async (_, ct) =>
        {
            var id = services.GetRequiredService<IMasterKeyProvider>().Rotate();
            var count = await services.GetRequiredService<FieldProtector>().RewrapAllAsync(ct);
            await services.GetRequiredService<IAuditLedger>().AppendAsync(new AuditRecord(FieldProtector.RotatedAction, "master-key", id, After: new { rewrapped = count }), AuditActor.System with { Name = "cli" }, ct);
            await Console.Out.WriteLineAsync($"master key {id} is current; {count} data key(s) re-wrapped");
            return 0;
        });
        return new Command(Name, "Encryption keys.") { rotate };
    }
}
