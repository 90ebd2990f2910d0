namespace Nqba.Server.Platform.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstBrokenSequence">The first entry whose hash or link does not match, or null when intact.</param>
/// <param name="Problem">What is wrong with that entry.</param>
public sealed record AuditVerification(long Entries, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;

    public override string ToString() => IsIntact
        ? $"ok, {Entries} entries"
        : $"audit chain broken at entry {FirstBrokenSequence}: {Problem}";
}
