namespace Nqba.Server.Platform.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstBrokenSequence">The first entry whose hash or link does not match (or that is missing), or null when intact.</param>
/// <param name="Problem">What is wrong with that entry.</param>
/// <param name="AnchoredSequence">The entry of the anchor the chain was checked against; null when there was no anchor.</param>
public sealed record AuditVerification(long Entries, long? FirstBrokenSequence, string? Problem, long? AnchoredSequence = null)
{
    public bool IsIntact => FirstBrokenSequence is null;

    public override string ToString() => IsIntact
        ? $"ok, {Entries} entries" + (AnchoredSequence is { } anchored ? $", anchored at entry {anchored}" : string.Empty)
        : $"audit chain broken at entry {FirstBrokenSequence}: {Problem}";
}
