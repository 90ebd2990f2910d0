namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// One consent decision of a person for one purpose, kept as history (never updated): the latest record per
/// purpose is the current state. "Do not sell or share" is the purpose <see cref="SellOrShare"/> withdrawn.
/// </summary>
internal sealed class ConsentRecord
{
    public const string SellOrShare = "sell-or-share";

    public Guid Id { get; set; }

    public required string SubjectEmailHash { get; set; }

    public Guid? OrganizationId { get; set; }

    public required string Purpose { get; set; }

    public bool Granted { get; set; }

    /// <summary>Where the decision was made (e.g. <c>intake-form</c>, <c>public-form</c>, <c>staff</c>).</summary>
    public required string Source { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}
